"""Check generated from schemas/manifest.schema.json; do not edit.

Regenerate with `python -m reconciler.checks` after changing the schema;
tests/test_schema_check.py fails while this file is out of date.
"""

# ruff: noqa
import re
from typing import Any

from reconciler.schema_check import equal as _equal, unique as _unique

SCHEMA_DIGEST = "sha256:5b189cf709509dfa94c5a27d303973a423e6b249afc68afb8aab3b37e240f5ac"

_c3 = 1
_c7 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c11 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c14 = re.compile('^\\S+$')
_c16 = re.compile('^\\S+$')
_c18 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c20 = re.compile('^\\S+$')
_c23 = re.compile('^\\S+$')
_c25 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c27 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c29 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c35 = re.compile('^[A-Za-z0-9][A-Za-z0-9._/-]*$')
_c36 = frozenset(())
_c39 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'duration', 'generate_audio', 'labels', 'motion_video_url', 'preset_id', 'quality_tier', 'reference_image_urls', 'request_count', 'resolution', 'source_video_url'))
_c43 = re.compile('^[a-z0-9][a-z0-9_-]*$')
_c44 = frozenset(())
_c48 = frozenset(('type',))
_c50 = frozenset(('ai_model', 'static_ad', 'ugc_ad', 'video_ad'))
_c51 = frozenset(('type',))
_c58 = re.compile('\\S')
_c60 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c64 = re.compile('^\\S+$')
_c66 = re.compile('^\\S+$')
_c68 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c70 = re.compile('^\\S+$')
_c72 = re.compile('^\\S+$')
_c82 = re.compile('\\S')
_c83 = re.compile('^[^\\s,\\[\\]]+$')
_c87 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c88 = re.compile('^[^\\s,\\[\\]]+$')
_c92 = re.compile('^[^\\s,\\[\\]]+$')
_c96 = re.compile('^\\S+$')
_c97 = re.compile('^[^\\s,\\[\\]]+$')
_c101 = re.compile('^\\S+$')
_c102 = re.compile('^[^\\s,\\[\\]]+$')
_c106 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c107 = re.compile('^[^\\s,\\[\\]]+$')
_c111 = re.compile('^\\S+$')
_c112 = re.compile('^[^\\s,\\[\\]]+$')
_c116 = re.compile('^\\S+$')
_c117 = re.compile('^[^\\s,\\[\\]]+$')
_c118 = frozenset(('aspect_ratio', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'preset_id', 'prompt', 'resolution', 'template_slug'))
_c122 = re.compile('^[a-z0-9][a-z0-9_-]*$')
_c123 = frozenset(())
_c128 = re.compile('\\S')
_c130 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c134 = re.compile('^\\S+$')
_c136 = re.compile('^\\S+$')
_c138 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c140 = re.compile('^\\S+$')
_c142 = re.compile('^\\S+$')
_c147 = frozenset(('aspect_ratio', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'labels', 'preset_id', 'prompt', 'reference_image_urls', 'request_count', 'resolution', 'revision', 'template_slug'))
_c148 = frozenset(('aspect_ratio', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'labels', 'matrix', 'preset_id', 'prompt', 'reference_image_urls', 'request_count', 'resolution', 'revision', 'template_slug', 'type', 'variants'))
_c151 = frozenset(('prompt',))
_c153 = frozenset(('matrix',))
_c155 = frozenset(('prompt',))
_c156 = frozenset(('matrix',))
_c160 = frozenset(('variants',))
_c163 = frozenset(())
_c166 = frozenset(('prompt',))
_c167 = frozenset(('prompt',))
_c168 = frozenset(('variants',))
_c173 = frozenset(('template_slug',))
_c175 = frozenset(('matrix',))
_c177 = frozenset(('template_slug',))
_c178 = frozenset(('matrix',))
_c182 = frozenset(('variants',))
_c185 = frozenset(())
_c188 = frozenset(('template_slug',))
_c189 = frozenset(('template_slug',))
_c190 = frozenset(('variants',))
_c194 = frozenset(('matrix', 'variants'))
_c196 = frozenset(('type',))
_c198 = frozenset(('type',))
_c205 = re.compile('\\S')
_c207 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c211 = re.compile('^\\S+$')
_c213 = re.compile('^\\S+$')
_c215 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c217 = re.compile('^\\S+$')
_c220 = re.compile('^\\S+$')
_c222 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c224 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c226 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c236 = re.compile('\\S')
_c237 = re.compile('^[^\\s,\\[\\]]+$')
_c241 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c242 = re.compile('^[^\\s,\\[\\]]+$')
_c246 = re.compile('^[^\\s,\\[\\]]+$')
_c250 = re.compile('^\\S+$')
_c251 = re.compile('^[^\\s,\\[\\]]+$')
_c255 = re.compile('^\\S+$')
_c256 = re.compile('^[^\\s,\\[\\]]+$')
_c260 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c261 = re.compile('^[^\\s,\\[\\]]+$')
_c265 = re.compile('^\\S+$')
_c266 = re.compile('^[^\\s,\\[\\]]+$')
_c270 = re.compile('^[^\\s,\\[\\]]+$')
_c274 = re.compile('^\\S+$')
_c275 = re.compile('^[^\\s,\\[\\]]+$')
_c279 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c280 = re.compile('^[^\\s,\\[\\]]+$')
_c284 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c285 = re.compile('^[^\\s,\\[\\]]+$')
_c289 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c290 = re.compile('^[^\\s,\\[\\]]+$')
_c291 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'duration', 'motion_video_url', 'preset_id', 'prompt', 'quality_tier', 'source_video_url', 'template_slug'))
_c295 = re.compile('^[a-z0-9][a-z0-9_-]*$')
_c296 = frozenset(())
_c301 = re.compile('\\S')
_c303 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c307 = re.compile('^\\S+$')
_c309 = re.compile('^\\S+$')
_c311 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c313 = re.compile('^\\S+$')
_c316 = re.compile('^\\S+$')
_c318 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c320 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c322 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c327 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'duration', 'labels', 'motion_video_url', 'preset_id', 'prompt', 'quality_tier', 'reference_image_urls', 'request_count', 'revision', 'source_video_url', 'template_slug'))
_c328 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'duration', 'labels', 'matrix', 'motion_video_url', 'preset_id', 'prompt', 'quality_tier', 'reference_image_urls', 'request_count', 'revision', 'source_video_url', 'template_slug', 'type', 'variants'))
_c331 = frozenset(('prompt',))
_c333 = frozenset(('matrix',))
_c335 = frozenset(('prompt',))
_c336 = frozenset(('matrix',))
_c340 = frozenset(('variants',))
_c343 = frozenset(())
_c346 = frozenset(('prompt',))
_c347 = frozenset(('prompt',))
_c348 = frozenset(('variants',))
_c353 = frozenset(('template_slug',))
_c355 = frozenset(('matrix',))
_c357 = frozenset(('template_slug',))
_c358 = frozenset(('matrix',))
_c362 = frozenset(('variants',))
_c365 = frozenset(())
_c368 = frozenset(('template_slug',))
_c369 = frozenset(('template_slug',))
_c370 = frozenset(('variants',))
_c374 = frozenset(('matrix', 'variants'))
_c376 = frozenset(('type',))
_c378 = frozenset(('type',))
_c385 = re.compile('\\S')
_c387 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c391 = re.compile('^\\S+$')
_c393 = re.compile('^\\S+$')
_c395 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c397 = re.compile('^\\S+$')
_c400 = re.compile('^\\S+$')
_c402 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c404 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c406 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c416 = re.compile('\\S')
_c417 = re.compile('^[^\\s,\\[\\]]+$')
_c421 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c422 = re.compile('^[^\\s,\\[\\]]+$')
_c426 = re.compile('^[^\\s,\\[\\]]+$')
_c430 = re.compile('^\\S+$')
_c431 = re.compile('^[^\\s,\\[\\]]+$')
_c435 = re.compile('^\\S+$')
_c436 = re.compile('^[^\\s,\\[\\]]+$')
_c440 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c441 = re.compile('^[^\\s,\\[\\]]+$')
_c445 = re.compile('^\\S+$')
_c446 = re.compile('^[^\\s,\\[\\]]+$')
_c450 = re.compile('^[^\\s,\\[\\]]+$')
_c454 = re.compile('^\\S+$')
_c455 = re.compile('^[^\\s,\\[\\]]+$')
_c459 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c460 = re.compile('^[^\\s,\\[\\]]+$')
_c464 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c465 = re.compile('^[^\\s,\\[\\]]+$')
_c469 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c470 = re.compile('^[^\\s,\\[\\]]+$')
_c471 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'duration', 'motion_video_url', 'preset_id', 'prompt', 'quality_tier', 'source_video_url', 'template_slug'))
_c475 = re.compile('^[a-z0-9][a-z0-9_-]*$')
_c476 = frozenset(())
_c481 = re.compile('\\S')
_c483 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c487 = re.compile('^\\S+$')
_c489 = re.compile('^\\S+$')
_c491 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c493 = re.compile('^\\S+$')
_c496 = re.compile('^\\S+$')
_c498 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c500 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c502 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c507 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'duration', 'labels', 'motion_video_url', 'preset_id', 'prompt', 'quality_tier', 'reference_image_urls', 'request_count', 'revision', 'source_video_url', 'template_slug'))
_c508 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'duration', 'labels', 'matrix', 'motion_video_url', 'preset_id', 'prompt', 'quality_tier', 'reference_image_urls', 'request_count', 'revision', 'source_video_url', 'template_slug', 'type', 'variants'))
_c511 = frozenset(('prompt',))
_c513 = frozenset(('matrix',))
_c515 = frozenset(('prompt',))
_c516 = frozenset(('matrix',))
_c520 = frozenset(('variants',))
_c523 = frozenset(())
_c526 = frozenset(('prompt',))
_c527 = frozenset(('prompt',))
_c528 = frozenset(('variants',))
_c533 = frozenset(('template_slug',))
_c535 = frozenset(('matrix',))
_c537 = frozenset(('template_slug',))
_c538 = frozenset(('matrix',))
_c542 = frozenset(('variants',))
_c545 = frozenset(())
_c548 = frozenset(('template_slug',))
_c549 = frozenset(('template_slug',))
_c550 = frozenset(('variants',))
_c554 = frozenset(('matrix', 'variants'))
_c556 = frozenset(('type',))
_c558 = frozenset(('type',))
_c565 = re.compile('\\S')
_c567 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c571 = re.compile('^\\S+$')
_c573 = re.compile('^\\S+$')
_c575 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c577 = re.compile('^\\S+$')
_c579 = re.compile('^\\S+$')
_c581 = re.compile('^\\S+$')
_c584 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c586 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c588 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c599 = re.compile('\\S')
_c600 = re.compile('^[^\\s,\\[\\]]+$')
_c604 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c605 = re.compile('^[^\\s,\\[\\]]+$')
_c609 = re.compile('^[^\\s,\\[\\]]+$')
_c613 = re.compile('^\\S+$')
_c614 = re.compile('^[^\\s,\\[\\]]+$')
_c618 = re.compile('^\\S+$')
_c619 = re.compile('^[^\\s,\\[\\]]+$')
_c623 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c624 = re.compile('^[^\\s,\\[\\]]+$')
_c628 = re.compile('^\\S+$')
_c629 = re.compile('^[^\\s,\\[\\]]+$')
_c633 = re.compile('^\\S+$')
_c634 = re.compile('^[^\\s,\\[\\]]+$')
_c638 = re.compile('^\\S+$')
_c639 = re.compile('^[^\\s,\\[\\]]+$')
_c643 = re.compile('^[^\\s,\\[\\]]+$')
_c647 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c648 = re.compile('^[^\\s,\\[\\]]+$')
_c652 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c653 = re.compile('^[^\\s,\\[\\]]+$')
_c657 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c658 = re.compile('^[^\\s,\\[\\]]+$')
_c662 = re.compile('^[^\\s,\\[\\]]+$')
_c663 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'duration', 'generate_audio', 'model_slug', 'motion_video_url', 'preset_id', 'prompt', 'resolution', 'source_video_url', 'variant_id'))
_c667 = re.compile('^[a-z0-9][a-z0-9_-]*$')
_c668 = frozenset(())
_c673 = re.compile('\\S')
_c675 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c679 = re.compile('^\\S+$')
_c681 = re.compile('^\\S+$')
_c683 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c685 = re.compile('^\\S+$')
_c687 = re.compile('^\\S+$')
_c689 = re.compile('^\\S+$')
_c692 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c694 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c696 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c702 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'duration', 'generate_audio', 'labels', 'model_slug', 'motion_video_url', 'preset_id', 'prompt', 'reference_image_urls', 'request_count', 'resolution', 'revision', 'source_video_url', 'variant_id'))
_c703 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'duration', 'generate_audio', 'labels', 'matrix', 'model_slug', 'motion_video_url', 'preset_id', 'prompt', 'reference_image_urls', 'request_count', 'resolution', 'revision', 'source_video_url', 'type', 'variant_id', 'variants'))
_c706 = frozenset(('prompt',))
_c708 = frozenset(('matrix',))
_c710 = frozenset(('prompt',))
_c711 = frozenset(('matrix',))
_c715 = frozenset(('variants',))
_c718 = frozenset(())
_c721 = frozenset(('prompt',))
_c722 = frozenset(('prompt',))
_c723 = frozenset(('variants',))
_c728 = frozenset(('model_slug',))
_c730 = frozenset(('matrix',))
_c732 = frozenset(('model_slug',))
_c733 = frozenset(('matrix',))
_c737 = frozenset(('variants',))
_c740 = frozenset(())
_c743 = frozenset(('model_slug',))
_c744 = frozenset(('model_slug',))
_c745 = frozenset(('variants',))
_c750 = frozenset(('variant_id',))
_c752 = frozenset(('matrix',))
_c754 = frozenset(('variant_id',))
_c755 = frozenset(('matrix',))
_c759 = frozenset(('variants',))
_c762 = frozenset(())
_c765 = frozenset(('variant_id',))
_c766 = frozenset(('variant_id',))
_c767 = frozenset(('variants',))
_c771 = frozenset(('matrix', 'variants'))
_c773 = frozenset(('type',))
_c775 = frozenset(('type',))
_c778 = frozenset(('creatives', 'defaults', 'version'))
_c779 = frozenset(('creatives',))


def _check9(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    for i10 in v:
        if not (isinstance(i10, str)):
            return False
        if _c11.search(i10) is None:
            return False
    return True


def _check33(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    for k34 in v:
        if isinstance(k34, str):
            if _c35.search(k34) is None:
                return False
    for k37, p38 in v.items():
        if not (isinstance(p38, str)):
            return False
    return True


def _check5(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'aspect_ratio' in v:
        p6 = v['aspect_ratio']
        if not (isinstance(p6, str)):
            return False
        if _c7.search(p6) is None:
            return False
    if 'reference_image_urls' in v:
        p8 = v['reference_image_urls']
        if not _check9(p8):
            return False
    if 'brand_kit_id' in v:
        p12 = v['brand_kit_id']
        if not (((isinstance(p12, int) and not isinstance(p12, bool)) or (isinstance(p12, float) and p12.is_integer()))):
            return False
        if p12 < 1:
            return False
    if 'avatar_id' in v:
        p13 = v['avatar_id']
        if not (isinstance(p13, str)):
            return False
        if _c14.search(p13) is None:
            return False
    if 'preset_id' in v:
        p15 = v['preset_id']
        if not (isinstance(p15, str)):
            return False
        if _c16.search(p15) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p17 = v['custom_reference_inspiration_id']
        if not (isinstance(p17, str)):
            return False
        if _c18.search(p17) is None:
            return False
    if 'resolution' in v:
        p19 = v['resolution']
        if not (isinstance(p19, str)):
            return False
        if _c20.search(p19) is None:
            return False
    if 'duration' in v:
        p21 = v['duration']
        if not (((isinstance(p21, int) and not isinstance(p21, bool)) or (isinstance(p21, float) and p21.is_integer()))):
            return False
        if p21 < 1:
            return False
    if 'quality_tier' in v:
        p22 = v['quality_tier']
        if not (isinstance(p22, str)):
            return False
        if _c23.search(p22) is None:
            return False
    if 'source_video_url' in v:
        p24 = v['source_video_url']
        if not (isinstance(p24, str)):
            return False
        if _c25.search(p24) is None:
            return False
    if 'motion_video_url' in v:
        p26 = v['motion_video_url']
        if not (isinstance(p26, str)):
            return False
        if _c27.search(p26) is None:
            return False
    if 'audio_url' in v:
        p28 = v['audio_url']
        if not (isinstance(p28, str)):
            return False
        if _c29.search(p28) is None:
            return False
    if 'generate_audio' in v:
        p30 = v['generate_audio']
        if not (isinstance(p30, bool)):
            return False
    if 'request_count' in v:
        p31 = v['request_count']
        if not (((isinstance(p31, int) and not isinstance(p31, bool)) or (isinstance(p31, float) and p31.is_integer()))):
            return False
        if p31 < 1:
            return False
        if p31 > 10:
            return False
    if 'labels' in v:
        p32 = v['labels']
        if not _check33(p32):
            return False
    if not v.keys() <= _c39:
        return False
    return True


def _check80(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i81 in v:
        if not (isinstance(i81, str)):
            return False
        if _c82.search(i81) is None:
            return False
        if isinstance(i81, str):
            if _c83.search(i81) is None:
                return False
    return True


def _check85(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i86 in v:
        if not (isinstance(i86, str)):
            return False
        if _c87.search(i86) is None:
            return False
        if isinstance(i86, str):
            if _c88.search(i86) is None:
                return False
    return True


def _check90(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i91 in v:
        if not (((isinstance(i91, int) and not isinstance(i91, bool)) or (isinstance(i91, float) and i91.is_integer()))):
            return False
        if i91 < 1:
            return False
        if isinstance(i91, str):
            if _c92.search(i91) is None:
                return False
    return True


def _check94(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i95 in v:
        if not (isinstance(i95, str)):
            return False
        if _c96.search(i95) is None:
            return False
        if isinstance(i95, str):
            if _c97.search(i95) is None:
                return False
    return True


def _check99(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i100 in v:
        if not (isinstance(i100, str)):
            return False
        if _c101.search(i100) is None:
            return False
        if isinstance(i100, str):
            if _c102.search(i100) is None:
                return False
    return True


def _check104(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i105 in v:
        if not (isinstance(i105, str)):
            return False
        if _c106.search(i105) is None:
            return False
        if isinstance(i105, str):
            if _c107.search(i105) is None:
                return False
    return True


def _check109(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i110 in v:
        if not (isinstance(i110, str)):
            return False
        if _c111.search(i110) is None:
            return False
        if isinstance(i110, str):
            if _c112.search(i110) is None:
                return False
    return True


def _check114(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i115 in v:
        if not (isinstance(i115, str)):
            return False
        if _c116.search(i115) is None:
            return False
        if isinstance(i115, str):
            if _c117.search(i115) is None:
                return False
    return True


def _check78(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    if 'prompt' in v:
        p79 = v['prompt']
        if not _check80(p79):
            return False
    if 'aspect_ratio' in v:
        p84 = v['aspect_ratio']
        if not _check85(p84):
            return False
    if 'brand_kit_id' in v:
        p89 = v['brand_kit_id']
        if not _check90(p89):
            return False
    if 'avatar_id' in v:
        p93 = v['avatar_id']
        if not _check94(p93):
            return False
    if 'preset_id' in v:
        p98 = v['preset_id']
        if not _check99(p98):
            return False
    if 'custom_reference_inspiration_id' in v:
        p103 = v['custom_reference_inspiration_id']
        if not _check104(p103):
            return False
    if 'template_slug' in v:
        p108 = v['template_slug']
        if not _check109(p108):
            return False
    if 'resolution' in v:
        p113 = v['resolution']
        if not _check114(p113):
            return False
    if not v.keys() <= _c118:
        return False
    return True


def _check126(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'prompt' in v:
        p127 = v['prompt']
        if not (isinstance(p127, str)):
            return False
        if _c128.search(p127) is None:
            return False
    if 'aspect_ratio' in v:
        p129 = v['aspect_ratio']
        if not (isinstance(p129, str)):
            return False
        if _c130.search(p129) is None:
            return False
    if 'reference_image_urls' in v:
        p131 = v['reference_image_urls']
        if not _check9(p131):
            return False
    if 'brand_kit_id' in v:
        p132 = v['brand_kit_id']
        if not (((isinstance(p132, int) and not isinstance(p132, bool)) or (isinstance(p132, float) and p132.is_integer()))):
            return False
        if p132 < 1:
            return False
    if 'avatar_id' in v:
        p133 = v['avatar_id']
        if not (isinstance(p133, str)):
            return False
        if _c134.search(p133) is None:
            return False
    if 'preset_id' in v:
        p135 = v['preset_id']
        if not (isinstance(p135, str)):
            return False
        if _c136.search(p135) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p137 = v['custom_reference_inspiration_id']
        if not (isinstance(p137, str)):
            return False
        if _c138.search(p137) is None:
            return False
    if 'template_slug' in v:
        p139 = v['template_slug']
        if not (isinstance(p139, str)):
            return False
        if _c140.search(p139) is None:
            return False
    if 'resolution' in v:
        p141 = v['resolution']
        if not (isinstance(p141, str)):
            return False
        if _c142.search(p141) is None:
            return False
    if 'request_count' in v:
        p143 = v['request_count']
        if not (((isinstance(p143, int) and not isinstance(p143, bool)) or (isinstance(p143, float) and p143.is_integer()))):
            return False
        if p143 < 1:
            return False
        if p143 > 10:
            return False
    if 'revision' in v:
        p144 = v['revision']
        if not (((isinstance(p144, int) and not isinstance(p144, bool)) or (isinstance(p144, float) and p144.is_integer()))):
            return False
        if p144 < 0:
            return False
    if 'labels' in v:
        p145 = v['labels']
        if not _check33(p145):
            return False
    if 'description' in v:
        p146 = v['description']
        if not (isinstance(p146, str)):
            return False
    if not v.keys() <= _c147:
        return False
    return True


def _check120(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    for k121 in v:
        if not (isinstance(k121, str)):
            return False
        if _c122.search(k121) is None:
            return False
    for k124, p125 in v.items():
        if not _check126(p125):
            return False
    return True


def _check150(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c151:
            return False
    return True


def _check152(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c153:
            return False
        if 'matrix' in v:
            p154 = v['matrix']
            if isinstance(p154, dict):
                if not p154.keys() >= _c155:
                    return False
    return True


def _check162(v: Any) -> bool:
    if isinstance(v, dict):
        for k164, p165 in v.items():
            if isinstance(p165, dict):
                if not p165.keys() >= _c167:
                    return False
    return True


def _check159(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c160:
            return False
        if 'variants' in v:
            p161 = v['variants']
            if not _check162(p161):
                return False
    return True


def _check149(v: Any) -> bool:
    if not (_check150(v) or _check152(v) or _check159(v)):
        return False
    return True


def _check172(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c173:
            return False
    return True


def _check174(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c175:
            return False
        if 'matrix' in v:
            p176 = v['matrix']
            if isinstance(p176, dict):
                if not p176.keys() >= _c177:
                    return False
    return True


def _check184(v: Any) -> bool:
    if isinstance(v, dict):
        for k186, p187 in v.items():
            if isinstance(p187, dict):
                if not p187.keys() >= _c189:
                    return False
    return True


def _check181(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c182:
            return False
        if 'variants' in v:
            p183 = v['variants']
            if not _check184(p183):
                return False
    return True


def _check171(v: Any) -> bool:
    if not (_check172(v) or _check174(v) or _check181(v)):
        return False
    return True


def _check193(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c194:
            return False
    return True


def _check55(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'type' in v:
        p56 = v['type']
        if not (isinstance(p56, str) and p56 == 'static_ad'):
            return False
    if 'prompt' in v:
        p57 = v['prompt']
        if not (isinstance(p57, str)):
            return False
        if _c58.search(p57) is None:
            return False
    if 'aspect_ratio' in v:
        p59 = v['aspect_ratio']
        if not (isinstance(p59, str)):
            return False
        if _c60.search(p59) is None:
            return False
    if 'reference_image_urls' in v:
        p61 = v['reference_image_urls']
        if not _check9(p61):
            return False
    if 'brand_kit_id' in v:
        p62 = v['brand_kit_id']
        if not (((isinstance(p62, int) and not isinstance(p62, bool)) or (isinstance(p62, float) and p62.is_integer()))):
            return False
        if p62 < 1:
            return False
    if 'avatar_id' in v:
        p63 = v['avatar_id']
        if not (isinstance(p63, str)):
            return False
        if _c64.search(p63) is None:
            return False
    if 'preset_id' in v:
        p65 = v['preset_id']
        if not (isinstance(p65, str)):
            return False
        if _c66.search(p65) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p67 = v['custom_reference_inspiration_id']
        if not (isinstance(p67, str)):
            return False
        if _c68.search(p67) is None:
            return False
    if 'template_slug' in v:
        p69 = v['template_slug']
        if not (isinstance(p69, str)):
            return False
        if _c70.search(p69) is None:
            return False
    if 'resolution' in v:
        p71 = v['resolution']
        if not (isinstance(p71, str)):
            return False
        if _c72.search(p71) is None:
            return False
    if 'request_count' in v:
        p73 = v['request_count']
        if not (((isinstance(p73, int) and not isinstance(p73, bool)) or (isinstance(p73, float) and p73.is_integer()))):
            return False
        if p73 < 1:
            return False
        if p73 > 10:
            return False
    if 'revision' in v:
        p74 = v['revision']
        if not (((isinstance(p74, int) and not isinstance(p74, bool)) or (isinstance(p74, float) and p74.is_integer()))):
            return False
        if p74 < 0:
            return False
    if 'labels' in v:
        p75 = v['labels']
        if not _check33(p75):
            return False
    if 'description' in v:
        p76 = v['description']
        if not (isinstance(p76, str)):
            return False
    if 'matrix' in v:
        p77 = v['matrix']
        if not _check78(p77):
            return False
    if 'variants' in v:
        p119 = v['variants']
        if not _check120(p119):
            return False
    if not v.keys() <= _c148:
        return False
    if not _check149(v):
        return False
    if not _check171(v):
        return False
    if _check193(v):
        return False
    return True


def _check195(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c196:
            return False
        if 'type' in v:
            p197 = v['type']
            if not (isinstance(p197, str) and p197 == 'static_ad'):
                return False
    return True


def _check54(v: Any) -> bool:
    if _check195(v):
        if not _check55(v):
            return False
    else:
        pass
    return True


def _check234(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i235 in v:
        if not (isinstance(i235, str)):
            return False
        if _c236.search(i235) is None:
            return False
        if isinstance(i235, str):
            if _c237.search(i235) is None:
                return False
    return True


def _check239(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i240 in v:
        if not (isinstance(i240, str)):
            return False
        if _c241.search(i240) is None:
            return False
        if isinstance(i240, str):
            if _c242.search(i240) is None:
                return False
    return True


def _check244(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i245 in v:
        if not (((isinstance(i245, int) and not isinstance(i245, bool)) or (isinstance(i245, float) and i245.is_integer()))):
            return False
        if i245 < 1:
            return False
        if isinstance(i245, str):
            if _c246.search(i245) is None:
                return False
    return True


def _check248(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i249 in v:
        if not (isinstance(i249, str)):
            return False
        if _c250.search(i249) is None:
            return False
        if isinstance(i249, str):
            if _c251.search(i249) is None:
                return False
    return True


def _check253(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i254 in v:
        if not (isinstance(i254, str)):
            return False
        if _c255.search(i254) is None:
            return False
        if isinstance(i254, str):
            if _c256.search(i254) is None:
                return False
    return True


def _check258(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i259 in v:
        if not (isinstance(i259, str)):
            return False
        if _c260.search(i259) is None:
            return False
        if isinstance(i259, str):
            if _c261.search(i259) is None:
                return False
    return True


def _check263(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i264 in v:
        if not (isinstance(i264, str)):
            return False
        if _c265.search(i264) is None:
            return False
        if isinstance(i264, str):
            if _c266.search(i264) is None:
                return False
    return True


def _check268(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i269 in v:
        if not (((isinstance(i269, int) and not isinstance(i269, bool)) or (isinstance(i269, float) and i269.is_integer()))):
            return False
        if i269 < 1:
            return False
        if isinstance(i269, str):
            if _c270.search(i269) is None:
                return False
    return True


def _check272(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i273 in v:
        if not (isinstance(i273, str)):
            return False
        if _c274.search(i273) is None:
            return False
        if isinstance(i273, str):
            if _c275.search(i273) is None:
                return False
    return True


def _check277(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i278 in v:
        if not (isinstance(i278, str)):
            return False
        if _c279.search(i278) is None:
            return False
        if isinstance(i278, str):
            if _c280.search(i278) is None:
                return False
    return True


def _check282(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i283 in v:
        if not (isinstance(i283, str)):
            return False
        if _c284.search(i283) is None:
            return False
        if isinstance(i283, str):
            if _c285.search(i283) is None:
                return False
    return True


def _check287(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i288 in v:
        if not (isinstance(i288, str)):
            return False
        if _c289.search(i288) is None:
            return False
        if isinstance(i288, str):
            if _c290.search(i288) is None:
                return False
    return True


def _check232(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    if 'prompt' in v:
        p233 = v['prompt']
        if not _check234(p233):
            return False
    if 'aspect_ratio' in v:
        p238 = v['aspect_ratio']
        if not _check239(p238):
            return False
    if 'brand_kit_id' in v:
        p243 = v['brand_kit_id']
        if not _check244(p243):
            return False
    if 'avatar_id' in v:
        p247 = v['avatar_id']
        if not _check248(p247):
            return False
    if 'preset_id' in v:
        p252 = v['preset_id']
        if not _check253(p252):
            return False
    if 'custom_reference_inspiration_id' in v:
        p257 = v['custom_reference_inspiration_id']
        if not _check258(p257):
            return False
    if 'template_slug' in v:
        p262 = v['template_slug']
        if not _check263(p262):
            return False
    if 'duration' in v:
        p267 = v['duration']
        if not _check268(p267):
            return False
    if 'quality_tier' in v:
        p271 = v['quality_tier']
        if not _check272(p271):
            return False
    if 'source_video_url' in v:
        p276 = v['source_video_url']
        if not _check277(p276):
            return False
    if 'motion_video_url' in v:
        p281 = v['motion_video_url']
        if not _check282(p281):
            return False
    if 'audio_url' in v:
        p286 = v['audio_url']
        if not _check287(p286):
            return False
    if not v.keys() <= _c291:
        return False
    return True


def _check299(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'prompt' in v:
        p300 = v['prompt']
        if not (isinstance(p300, str)):
            return False
        if _c301.search(p300) is None:
            return False
    if 'aspect_ratio' in v:
        p302 = v['aspect_ratio']
        if not (isinstance(p302, str)):
            return False
        if _c303.search(p302) is None:
            return False
    if 'reference_image_urls' in v:
        p304 = v['reference_image_urls']
        if not _check9(p304):
            return False
    if 'brand_kit_id' in v:
        p305 = v['brand_kit_id']
        if not (((isinstance(p305, int) and not isinstance(p305, bool)) or (isinstance(p305, float) and p305.is_integer()))):
            return False
        if p305 < 1:
            return False
    if 'avatar_id' in v:
        p306 = v['avatar_id']
        if not (isinstance(p306, str)):
            return False
        if _c307.search(p306) is None:
            return False
    if 'preset_id' in v:
        p308 = v['preset_id']
        if not (isinstance(p308, str)):
            return False
        if _c309.search(p308) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p310 = v['custom_reference_inspiration_id']
        if not (isinstance(p310, str)):
            return False
        if _c311.search(p310) is None:
            return False
    if 'template_slug' in v:
        p312 = v['template_slug']
        if not (isinstance(p312, str)):
            return False
        if _c313.search(p312) is None:
            return False
    if 'duration' in v:
        p314 = v['duration']
        if not (((isinstance(p314, int) and not isinstance(p314, bool)) or (isinstance(p314, float) and p314.is_integer()))):
            return False
        if p314 < 1:
            return False
    if 'quality_tier' in v:
        p315 = v['quality_tier']
        if not (isinstance(p315, str)):
            return False
        if _c316.search(p315) is None:
            return False
    if 'source_video_url' in v:
        p317 = v['source_video_url']
        if not (isinstance(p317, str)):
            return False
        if _c318.search(p317) is None:
            return False
    if 'motion_video_url' in v:
        p319 = v['motion_video_url']
        if not (isinstance(p319, str)):
            return False
        if _c320.search(p319) is None:
            return False
    if 'audio_url' in v:
        p321 = v['audio_url']
        if not (isinstance(p321, str)):
            return False
        if _c322.search(p321) is None:
            return False
    if 'request_count' in v:
        p323 = v['request_count']
        if not (((isinstance(p323, int) and not isinstance(p323, bool)) or (isinstance(p323, float) and p323.is_integer()))):
            return False
        if p323 < 1:
            return False
        if p323 > 10:
            return False
    if 'revision' in v:
        p324 = v['revision']
        if not (((isinstance(p324, int) and not isinstance(p324, bool)) or (isinstance(p324, float) and p324.is_integer()))):
            return False
        if p324 < 0:
            return False
    if 'labels' in v:
        p325 = v['labels']
        if not _check33(p325):
            return False
    if 'description' in v:
        p326 = v['description']
        if not (isinstance(p326, str)):
            return False
    if not v.keys() <= _c327:
        return False
    return True


def _check293(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    for k294 in v:
        if not (isinstance(k294, str)):
            return False
        if _c295.search(k294) is None:
            return False
    for k297, p298 in v.items():
        if not _check299(p298):
            return False
    return True


def _check330(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c331:
            return False
    return True


def _check332(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c333:
            return False
        if 'matrix' in v:
            p334 = v['matrix']
            if isinstance(p334, dict):
                if not p334.keys() >= _c335:
                    return False
    return True


def _check342(v: Any) -> bool:
    if isinstance(v, dict):
        for k344, p345 in v.items():
            if isinstance(p345, dict):
                if not p345.keys() >= _c347:
                    return False
    return True


def _check339(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c340:
            return False
        if 'variants' in v:
            p341 = v['variants']
            if not _check342(p341):
                return False
    return True


def _check329(v: Any) -> bool:
    if not (_check330(v) or _check332(v) or _check339(v)):
        return False
    return True


def _check352(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c353:
            return False
    return True


def _check354(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c355:
            return False
        if 'matrix' in v:
            p356 = v['matrix']
            if isinstance(p356, dict):
                if not p356.keys() >= _c357:
                    return False
    return True


def _check364(v: Any) -> bool:
    if isinstance(v, dict):
        for k366, p367 in v.items():
            if isinstance(p367, dict):
                if not p367.keys() >= _c369:
                    return False
    return True


def _check361(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c362:
            return False
        if 'variants' in v:
            p363 = v['variants']
            if not _check364(p363):
                return False
    return True


def _check351(v: Any) -> bool:
    if not (_check352(v) or _check354(v) or _check361(v)):
        return False
    return True


def _check373(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c374:
            return False
    return True


def _check202(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'type' in v:
        p203 = v['type']
        if not (isinstance(p203, str) and p203 == 'video_ad'):
            return False
    if 'prompt' in v:
        p204 = v['prompt']
        if not (isinstance(p204, str)):
            return False
        if _c205.search(p204) is None:
            return False
    if 'aspect_ratio' in v:
        p206 = v['aspect_ratio']
        if not (isinstance(p206, str)):
            return False
        if _c207.search(p206) is None:
            return False
    if 'reference_image_urls' in v:
        p208 = v['reference_image_urls']
        if not _check9(p208):
            return False
    if 'brand_kit_id' in v:
        p209 = v['brand_kit_id']
        if not (((isinstance(p209, int) and not isinstance(p209, bool)) or (isinstance(p209, float) and p209.is_integer()))):
            return False
        if p209 < 1:
            return False
    if 'avatar_id' in v:
        p210 = v['avatar_id']
        if not (isinstance(p210, str)):
            return False
        if _c211.search(p210) is None:
            return False
    if 'preset_id' in v:
        p212 = v['preset_id']
        if not (isinstance(p212, str)):
            return False
        if _c213.search(p212) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p214 = v['custom_reference_inspiration_id']
        if not (isinstance(p214, str)):
            return False
        if _c215.search(p214) is None:
            return False
    if 'template_slug' in v:
        p216 = v['template_slug']
        if not (isinstance(p216, str)):
            return False
        if _c217.search(p216) is None:
            return False
    if 'duration' in v:
        p218 = v['duration']
        if not (((isinstance(p218, int) and not isinstance(p218, bool)) or (isinstance(p218, float) and p218.is_integer()))):
            return False
        if p218 < 1:
            return False
    if 'quality_tier' in v:
        p219 = v['quality_tier']
        if not (isinstance(p219, str)):
            return False
        if _c220.search(p219) is None:
            return False
    if 'source_video_url' in v:
        p221 = v['source_video_url']
        if not (isinstance(p221, str)):
            return False
        if _c222.search(p221) is None:
            return False
    if 'motion_video_url' in v:
        p223 = v['motion_video_url']
        if not (isinstance(p223, str)):
            return False
        if _c224.search(p223) is None:
            return False
    if 'audio_url' in v:
        p225 = v['audio_url']
        if not (isinstance(p225, str)):
            return False
        if _c226.search(p225) is None:
            return False
    if 'request_count' in v:
        p227 = v['request_count']
        if not (((isinstance(p227, int) and not isinstance(p227, bool)) or (isinstance(p227, float) and p227.is_integer()))):
            return False
        if p227 < 1:
            return False
        if p227 > 10:
            return False
    if 'revision' in v:
        p228 = v['revision']
        if not (((isinstance(p228, int) and not isinstance(p228, bool)) or (isinstance(p228, float) and p228.is_integer()))):
            return False
        if p228 < 0:
            return False
    if 'labels' in v:
        p229 = v['labels']
        if not _check33(p229):
            return False
    if 'description' in v:
        p230 = v['description']
        if not (isinstance(p230, str)):
            return False
    if 'matrix' in v:
        p231 = v['matrix']
        if not _check232(p231):
            return False
    if 'variants' in v:
        p292 = v['variants']
        if not _check293(p292):
            return False
    if not v.keys() <= _c328:
        return False
    if not _check329(v):
        return False
    if not _check351(v):
        return False
    if _check373(v):
        return False
    return True


def _check375(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c376:
            return False
        if 'type' in v:
            p377 = v['type']
            if not (isinstance(p377, str) and p377 == 'video_ad'):
                return False
    return True


def _check201(v: Any) -> bool:
    if _check375(v):
        if not _check202(v):
            return False
    else:
        pass
    return True


def _check414(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i415 in v:
        if not (isinstance(i415, str)):
            return False
        if _c416.search(i415) is None:
            return False
        if isinstance(i415, str):
            if _c417.search(i415) is None:
                return False
    return True


def _check419(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i420 in v:
        if not (isinstance(i420, str)):
            return False
        if _c421.search(i420) is None:
            return False
        if isinstance(i420, str):
            if _c422.search(i420) is None:
                return False
    return True


def _check424(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i425 in v:
        if not (((isinstance(i425, int) and not isinstance(i425, bool)) or (isinstance(i425, float) and i425.is_integer()))):
            return False
        if i425 < 1:
            return False
        if isinstance(i425, str):
            if _c426.search(i425) is None:
                return False
    return True


def _check428(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i429 in v:
        if not (isinstance(i429, str)):
            return False
        if _c430.search(i429) is None:
            return False
        if isinstance(i429, str):
            if _c431.search(i429) is None:
                return False
    return True


def _check433(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i434 in v:
        if not (isinstance(i434, str)):
            return False
        if _c435.search(i434) is None:
            return False
        if isinstance(i434, str):
            if _c436.search(i434) is None:
                return False
    return True


def _check438(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i439 in v:
        if not (isinstance(i439, str)):
            return False
        if _c440.search(i439) is None:
            return False
        if isinstance(i439, str):
            if _c441.search(i439) is None:
                return False
    return True


def _check443(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i444 in v:
        if not (isinstance(i444, str)):
            return False
        if _c445.search(i444) is None:
            return False
        if isinstance(i444, str):
            if _c446.search(i444) is None:
                return False
    return True


def _check448(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i449 in v:
        if not (((isinstance(i449, int) and not isinstance(i449, bool)) or (isinstance(i449, float) and i449.is_integer()))):
            return False
        if i449 < 1:
            return False
        if isinstance(i449, str):
            if _c450.search(i449) is None:
                return False
    return True


def _check452(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i453 in v:
        if not (isinstance(i453, str)):
            return False
        if _c454.search(i453) is None:
            return False
        if isinstance(i453, str):
            if _c455.search(i453) is None:
                return False
    return True


def _check457(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i458 in v:
        if not (isinstance(i458, str)):
            return False
        if _c459.search(i458) is None:
            return False
        if isinstance(i458, str):
            if _c460.search(i458) is None:
                return False
    return True


def _check462(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i463 in v:
        if not (isinstance(i463, str)):
            return False
        if _c464.search(i463) is None:
            return False
        if isinstance(i463, str):
            if _c465.search(i463) is None:
                return False
    return True


def _check467(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i468 in v:
        if not (isinstance(i468, str)):
            return False
        if _c469.search(i468) is None:
            return False
        if isinstance(i468, str):
            if _c470.search(i468) is None:
                return False
    return True


def _check412(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    if 'prompt' in v:
        p413 = v['prompt']
        if not _check414(p413):
            return False
    if 'aspect_ratio' in v:
        p418 = v['aspect_ratio']
        if not _check419(p418):
            return False
    if 'brand_kit_id' in v:
        p423 = v['brand_kit_id']
        if not _check424(p423):
            return False
    if 'avatar_id' in v:
        p427 = v['avatar_id']
        if not _check428(p427):
            return False
    if 'preset_id' in v:
        p432 = v['preset_id']
        if not _check433(p432):
            return False
    if 'custom_reference_inspiration_id' in v:
        p437 = v['custom_reference_inspiration_id']
        if not _check438(p437):
            return False
    if 'template_slug' in v:
        p442 = v['template_slug']
        if not _check443(p442):
            return False
    if 'duration' in v:
        p447 = v['duration']
        if not _check448(p447):
            return False
    if 'quality_tier' in v:
        p451 = v['quality_tier']
        if not _check452(p451):
            return False
    if 'source_video_url' in v:
        p456 = v['source_video_url']
        if not _check457(p456):
            return False
    if 'motion_video_url' in v:
        p461 = v['motion_video_url']
        if not _check462(p461):
            return False
    if 'audio_url' in v:
        p466 = v['audio_url']
        if not _check467(p466):
            return False
    if not v.keys() <= _c471:
        return False
    return True


def _check479(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'prompt' in v:
        p480 = v['prompt']
        if not (isinstance(p480, str)):
            return False
        if _c481.search(p480) is None:
            return False
    if 'aspect_ratio' in v:
        p482 = v['aspect_ratio']
        if not (isinstance(p482, str)):
            return False
        if _c483.search(p482) is None:
            return False
    if 'reference_image_urls' in v:
        p484 = v['reference_image_urls']
        if not _check9(p484):
            return False
    if 'brand_kit_id' in v:
        p485 = v['brand_kit_id']
        if not (((isinstance(p485, int) and not isinstance(p485, bool)) or (isinstance(p485, float) and p485.is_integer()))):
            return False
        if p485 < 1:
            return False
    if 'avatar_id' in v:
        p486 = v['avatar_id']
        if not (isinstance(p486, str)):
            return False
        if _c487.search(p486) is None:
            return False
    if 'preset_id' in v:
        p488 = v['preset_id']
        if not (isinstance(p488, str)):
            return False
        if _c489.search(p488) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p490 = v['custom_reference_inspiration_id']
        if not (isinstance(p490, str)):
            return False
        if _c491.search(p490) is None:
            return False
    if 'template_slug' in v:
        p492 = v['template_slug']
        if not (isinstance(p492, str)):
            return False
        if _c493.search(p492) is None:
            return False
    if 'duration' in v:
        p494 = v['duration']
        if not (((isinstance(p494, int) and not isinstance(p494, bool)) or (isinstance(p494, float) and p494.is_integer()))):
            return False
        if p494 < 1:
            return False
    if 'quality_tier' in v:
        p495 = v['quality_tier']
        if not (isinstance(p495, str)):
            return False
        if _c496.search(p495) is None:
            return False
    if 'source_video_url' in v:
        p497 = v['source_video_url']
        if not (isinstance(p497, str)):
            return False
        if _c498.search(p497) is None:
            return False
    if 'motion_video_url' in v:
        p499 = v['motion_video_url']
        if not (isinstance(p499, str)):
            return False
        if _c500.search(p499) is None:
            return False
    if 'audio_url' in v:
        p501 = v['audio_url']
        if not (isinstance(p501, str)):
            return False
        if _c502.search(p501) is None:
            return False
    if 'request_count' in v:
        p503 = v['request_count']
        if not (((isinstance(p503, int) and not isinstance(p503, bool)) or (isinstance(p503, float) and p503.is_integer()))):
            return False
        if p503 < 1:
            return False
        if p503 > 10:
            return False
    if 'revision' in v:
        p504 = v['revision']
        if not (((isinstance(p504, int) and not isinstance(p504, bool)) or (isinstance(p504, float) and p504.is_integer()))):
            return False
        if p504 < 0:
            return False
    if 'labels' in v:
        p505 = v['labels']
        if not _check33(p505):
            return False
    if 'description' in v:
        p506 = v['description']
        if not (isinstance(p506, str)):
            return False
    if not v.keys() <= _c507:
        return False
    return True


def _check473(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    for k474 in v:
        if not (isinstance(k474, str)):
            return False
        if _c475.search(k474) is None:
            return False
    for k477, p478 in v.items():
        if not _check479(p478):
            return False
    return True


def _check510(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c511:
            return False
    return True


def _check512(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c513:
            return False
        if 'matrix' in v:
            p514 = v['matrix']
            if isinstance(p514, dict):
                if not p514.keys() >= _c515:
                    return False
    return True


def _check522(v: Any) -> bool:
    if isinstance(v, dict):
        for k524, p525 in v.items():
            if isinstance(p525, dict):
                if not p525.keys() >= _c527:
                    return False
    return True


def _check519(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c520:
            return False
        if 'variants' in v:
            p521 = v['variants']
            if not _check522(p521):
                return False
    return True


def _check509(v: Any) -> bool:
    if not (_check510(v) or _check512(v) or _check519(v)):
        return False
    return True


def _check532(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c533:
            return False
    return True


def _check534(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c535:
            return False
        if 'matrix' in v:
            p536 = v['matrix']
            if isinstance(p536, dict):
                if not p536.keys() >= _c537:
                    return False
    return True


def _check544(v: Any) -> bool:
    if isinstance(v, dict):
        for k546, p547 in v.items():
            if isinstance(p547, dict):
                if not p547.keys() >= _c549:
                    return False
    return True


def _check541(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c542:
            return False
        if 'variants' in v:
            p543 = v['variants']
            if not _check544(p543):
                return False
    return True


def _check531(v: Any) -> bool:
    if not (_check532(v) or _check534(v) or _check541(v)):
        return False
    return True


def _check553(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c554:
            return False
    return True


def _check382(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'type' in v:
        p383 = v['type']
        if not (isinstance(p383, str) and p383 == 'ugc_ad'):
            return False
    if 'prompt' in v:
        p384 = v['prompt']
        if not (isinstance(p384, str)):
            return False
        if _c385.search(p384) is None:
            return False
    if 'aspect_ratio' in v:
        p386 = v['aspect_ratio']
        if not (isinstance(p386, str)):
            return False
        if _c387.search(p386) is None:
            return False
    if 'reference_image_urls' in v:
        p388 = v['reference_image_urls']
        if not _check9(p388):
            return False
    if 'brand_kit_id' in v:
        p389 = v['brand_kit_id']
        if not (((isinstance(p389, int) and not isinstance(p389, bool)) or (isinstance(p389, float) and p389.is_integer()))):
            return False
        if p389 < 1:
            return False
    if 'avatar_id' in v:
        p390 = v['avatar_id']
        if not (isinstance(p390, str)):
            return False
        if _c391.search(p390) is None:
            return False
    if 'preset_id' in v:
        p392 = v['preset_id']
        if not (isinstance(p392, str)):
            return False
        if _c393.search(p392) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p394 = v['custom_reference_inspiration_id']
        if not (isinstance(p394, str)):
            return False
        if _c395.search(p394) is None:
            return False
    if 'template_slug' in v:
        p396 = v['template_slug']
        if not (isinstance(p396, str)):
            return False
        if _c397.search(p396) is None:
            return False
    if 'duration' in v:
        p398 = v['duration']
        if not (((isinstance(p398, int) and not isinstance(p398, bool)) or (isinstance(p398, float) and p398.is_integer()))):
            return False
        if p398 < 1:
            return False
    if 'quality_tier' in v:
        p399 = v['quality_tier']
        if not (isinstance(p399, str)):
            return False
        if _c400.search(p399) is None:
            return False
    if 'source_video_url' in v:
        p401 = v['source_video_url']
        if not (isinstance(p401, str)):
            return False
        if _c402.search(p401) is None:
            return False
    if 'motion_video_url' in v:
        p403 = v['motion_video_url']
        if not (isinstance(p403, str)):
            return False
        if _c404.search(p403) is None:
            return False
    if 'audio_url' in v:
        p405 = v['audio_url']
        if not (isinstance(p405, str)):
            return False
        if _c406.search(p405) is None:
            return False
    if 'request_count' in v:
        p407 = v['request_count']
        if not (((isinstance(p407, int) and not isinstance(p407, bool)) or (isinstance(p407, float) and p407.is_integer()))):
            return False
        if p407 < 1:
            return False
        if p407 > 10:
            return False
    if 'revision' in v:
        p408 = v['revision']
        if not (((isinstance(p408, int) and not isinstance(p408, bool)) or (isinstance(p408, float) and p408.is_integer()))):
            return False
        if p408 < 0:
            return False
    if 'labels' in v:
        p409 = v['labels']
        if not _check33(p409):
            return False
    if 'description' in v:
        p410 = v['description']
        if not (isinstance(p410, str)):
            return False
    if 'matrix' in v:
        p411 = v['matrix']
        if not _check412(p411):
            return False
    if 'variants' in v:
        p472 = v['variants']
        if not _check473(p472):
            return False
    if not v.keys() <= _c508:
        return False
    if not _check509(v):
        return False
    if not _check531(v):
        return False
    if _check553(v):
        return False
    return True


def _check555(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c556:
            return False
        if 'type' in v:
            p557 = v['type']
            if not (isinstance(p557, str) and p557 == 'ugc_ad'):
                return False
    return True


def _check381(v: Any) -> bool:
    if _check555(v):
        if not _check382(v):
            return False
    else:
        pass
    return True


def _check597(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i598 in v:
        if not (isinstance(i598, str)):
            return False
        if _c599.search(i598) is None:
            return False
        if isinstance(i598, str):
            if _c600.search(i598) is None:
                return False
    return True


def _check602(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i603 in v:
        if not (isinstance(i603, str)):
            return False
        if _c604.search(i603) is None:
            return False
        if isinstance(i603, str):
            if _c605.search(i603) is None:
                return False
    return True


def _check607(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i608 in v:
        if not (((isinstance(i608, int) and not isinstance(i608, bool)) or (isinstance(i608, float) and i608.is_integer()))):
            return False
        if i608 < 1:
            return False
        if isinstance(i608, str):
            if _c609.search(i608) is None:
                return False
    return True


def _check611(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i612 in v:
        if not (isinstance(i612, str)):
            return False
        if _c613.search(i612) is None:
            return False
        if isinstance(i612, str):
            if _c614.search(i612) is None:
                return False
    return True


def _check616(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i617 in v:
        if not (isinstance(i617, str)):
            return False
        if _c618.search(i617) is None:
            return False
        if isinstance(i617, str):
            if _c619.search(i617) is None:
                return False
    return True


def _check621(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i622 in v:
        if not (isinstance(i622, str)):
            return False
        if _c623.search(i622) is None:
            return False
        if isinstance(i622, str):
            if _c624.search(i622) is None:
                return False
    return True


def _check626(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i627 in v:
        if not (isinstance(i627, str)):
            return False
        if _c628.search(i627) is None:
            return False
        if isinstance(i627, str):
            if _c629.search(i627) is None:
                return False
    return True


def _check631(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i632 in v:
        if not (isinstance(i632, str)):
            return False
        if _c633.search(i632) is None:
            return False
        if isinstance(i632, str):
            if _c634.search(i632) is None:
                return False
    return True


def _check636(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i637 in v:
        if not (isinstance(i637, str)):
            return False
        if _c638.search(i637) is None:
            return False
        if isinstance(i637, str):
            if _c639.search(i637) is None:
                return False
    return True


def _check641(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i642 in v:
        if not (((isinstance(i642, int) and not isinstance(i642, bool)) or (isinstance(i642, float) and i642.is_integer()))):
            return False
        if i642 < 1:
            return False
        if isinstance(i642, str):
            if _c643.search(i642) is None:
                return False
    return True


def _check645(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i646 in v:
        if not (isinstance(i646, str)):
            return False
        if _c647.search(i646) is None:
            return False
        if isinstance(i646, str):
            if _c648.search(i646) is None:
                return False
    return True


def _check650(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i651 in v:
        if not (isinstance(i651, str)):
            return False
        if _c652.search(i651) is None:
            return False
        if isinstance(i651, str):
            if _c653.search(i651) is None:
                return False
    return True


def _check655(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i656 in v:
        if not (isinstance(i656, str)):
            return False
        if _c657.search(i656) is None:
            return False
        if isinstance(i656, str):
            if _c658.search(i656) is None:
                return False
    return True


def _check660(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i661 in v:
        if not (isinstance(i661, bool)):
            return False
        if isinstance(i661, str):
            if _c662.search(i661) is None:
                return False
    return True


def _check595(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    if 'prompt' in v:
        p596 = v['prompt']
        if not _check597(p596):
            return False
    if 'aspect_ratio' in v:
        p601 = v['aspect_ratio']
        if not _check602(p601):
            return False
    if 'brand_kit_id' in v:
        p606 = v['brand_kit_id']
        if not _check607(p606):
            return False
    if 'avatar_id' in v:
        p610 = v['avatar_id']
        if not _check611(p610):
            return False
    if 'preset_id' in v:
        p615 = v['preset_id']
        if not _check616(p615):
            return False
    if 'custom_reference_inspiration_id' in v:
        p620 = v['custom_reference_inspiration_id']
        if not _check621(p620):
            return False
    if 'model_slug' in v:
        p625 = v['model_slug']
        if not _check626(p625):
            return False
    if 'variant_id' in v:
        p630 = v['variant_id']
        if not _check631(p630):
            return False
    if 'resolution' in v:
        p635 = v['resolution']
        if not _check636(p635):
            return False
    if 'duration' in v:
        p640 = v['duration']
        if not _check641(p640):
            return False
    if 'source_video_url' in v:
        p644 = v['source_video_url']
        if not _check645(p644):
            return False
    if 'motion_video_url' in v:
        p649 = v['motion_video_url']
        if not _check650(p649):
            return False
    if 'audio_url' in v:
        p654 = v['audio_url']
        if not _check655(p654):
            return False
    if 'generate_audio' in v:
        p659 = v['generate_audio']
        if not _check660(p659):
            return False
    if not v.keys() <= _c663:
        return False
    return True


def _check671(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'prompt' in v:
        p672 = v['prompt']
        if not (isinstance(p672, str)):
            return False
        if _c673.search(p672) is None:
            return False
    if 'aspect_ratio' in v:
        p674 = v['aspect_ratio']
        if not (isinstance(p674, str)):
            return False
        if _c675.search(p674) is None:
            return False
    if 'reference_image_urls' in v:
        p676 = v['reference_image_urls']
        if not _check9(p676):
            return False
    if 'brand_kit_id' in v:
        p677 = v['brand_kit_id']
        if not (((isinstance(p677, int) and not isinstance(p677, bool)) or (isinstance(p677, float) and p677.is_integer()))):
            return False
        if p677 < 1:
            return False
    if 'avatar_id' in v:
        p678 = v['avatar_id']
        if not (isinstance(p678, str)):
            return False
        if _c679.search(p678) is None:
            return False
    if 'preset_id' in v:
        p680 = v['preset_id']
        if not (isinstance(p680, str)):
            return False
        if _c681.search(p680) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p682 = v['custom_reference_inspiration_id']
        if not (isinstance(p682, str)):
            return False
        if _c683.search(p682) is None:
            return False
    if 'model_slug' in v:
        p684 = v['model_slug']
        if not (isinstance(p684, str)):
            return False
        if _c685.search(p684) is None:
            return False
    if 'variant_id' in v:
        p686 = v['variant_id']
        if not (isinstance(p686, str)):
            return False
        if _c687.search(p686) is None:
            return False
    if 'resolution' in v:
        p688 = v['resolution']
        if not (isinstance(p688, str)):
            return False
        if _c689.search(p688) is None:
            return False
    if 'duration' in v:
        p690 = v['duration']
        if not (((isinstance(p690, int) and not isinstance(p690, bool)) or (isinstance(p690, float) and p690.is_integer()))):
            return False
        if p690 < 1:
            return False
    if 'source_video_url' in v:
        p691 = v['source_video_url']
        if not (isinstance(p691, str)):
            return False
        if _c692.search(p691) is None:
            return False
    if 'motion_video_url' in v:
        p693 = v['motion_video_url']
        if not (isinstance(p693, str)):
            return False
        if _c694.search(p693) is None:
            return False
    if 'audio_url' in v:
        p695 = v['audio_url']
        if not (isinstance(p695, str)):
            return False
        if _c696.search(p695) is None:
            return False
    if 'generate_audio' in v:
        p697 = v['generate_audio']
        if not (isinstance(p697, bool)):
            return False
    if 'request_count' in v:
        p698 = v['request_count']
        if not (((isinstance(p698, int) and not isinstance(p698, bool)) or (isinstance(p698, float) and p698.is_integer()))):
            return False
        if p698 < 1:
            return False
        if p698 > 10:
            return False
    if 'revision' in v:
        p699 = v['revision']
        if not (((isinstance(p699, int) and not isinstance(p699, bool)) or (isinstance(p699, float) and p699.is_integer()))):
            return False
        if p699 < 0:
            return False
    if 'labels' in v:
        p700 = v['labels']
        if not _check33(p700):
            return False
    if 'description' in v:
        p701 = v['description']
        if not (isinstance(p701, str)):
            return False
    if not v.keys() <= _c702:
        return False
    return True


def _check665(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    for k666 in v:
        if not (isinstance(k666, str)):
            return False
        if _c667.search(k666) is None:
            return False
    for k669, p670 in v.items():
        if not _check671(p670):
            return False
    return True


def _check705(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c706:
            return False
    return True


def _check707(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c708:
            return False
        if 'matrix' in v:
            p709 = v['matrix']
            if isinstance(p709, dict):
                if not p709.keys() >= _c710:
                    return False
    return True


def _check717(v: Any) -> bool:
    if isinstance(v, dict):
        for k719, p720 in v.items():
            if isinstance(p720, dict):
                if not p720.keys() >= _c722:
                    return False
    return True


def _check714(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c715:
            return False
        if 'variants' in v:
            p716 = v['variants']
            if not _check717(p716):
                return False
    return True


def _check704(v: Any) -> bool:
    if not (_check705(v) or _check707(v) or _check714(v)):
        return False
    return True


def _check727(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c728:
            return False
    return True


def _check729(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c730:
            return False
        if 'matrix' in v:
            p731 = v['matrix']
            if isinstance(p731, dict):
                if not p731.keys() >= _c732:
                    return False
    return True


def _check739(v: Any) -> bool:
    if isinstance(v, dict):
        for k741, p742 in v.items():
            if isinstance(p742, dict):
                if not p742.keys() >= _c744:
                    return False
    return True


def _check736(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c737:
            return False
        if 'variants' in v:
            p738 = v['variants']
            if not _check739(p738):
                return False
    return True


def _check726(v: Any) -> bool:
    if not (_check727(v) or _check729(v) or _check736(v)):
        return False
    return True


def _check749(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c750:
            return False
    return True


def _check751(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c752:
            return False
        if 'matrix' in v:
            p753 = v['matrix']
            if isinstance(p753, dict):
                if not p753.keys() >= _c754:
                    return False
    return True


def _check761(v: Any) -> bool:
    if isinstance(v, dict):
        for k763, p764 in v.items():
            if isinstance(p764, dict):
                if not p764.keys() >= _c766:
                    return False
    return True


def _check758(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c759:
            return False
        if 'variants' in v:
            p760 = v['variants']
            if not _check761(p760):
                return False
    return True


def _check748(v: Any) -> bool:
    if not (_check749(v) or _check751(v) or _check758(v)):
        return False
    return True


def _check770(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c771:
            return False
    return True


def _check562(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'type' in v:
        p563 = v['type']
        if not (isinstance(p563, str) and p563 == 'ai_model'):
            return False
    if 'prompt' in v:
        p564 = v['prompt']
        if not (isinstance(p564, str)):
            return False
        if _c565.search(p564) is None:
            return False
    if 'aspect_ratio' in v:
        p566 = v['aspect_ratio']
        if not (isinstance(p566, str)):
            return False
        if _c567.search(p566) is None:
            return False
    if 'reference_image_urls' in v:
        p568 = v['reference_image_urls']
        if not _check9(p568):
            return False
    if 'brand_kit_id' in v:
        p569 = v['brand_kit_id']
        if not (((isinstance(p569, int) and not isinstance(p569, bool)) or (isinstance(p569, float) and p569.is_integer()))):
            return False
        if p569 < 1:
            return False
    if 'avatar_id' in v:
        p570 = v['avatar_id']
        if not (isinstance(p570, str)):
            return False
        if _c571.search(p570) is None:
            return False
    if 'preset_id' in v:
        p572 = v['preset_id']
        if not (isinstance(p572, str)):
            return False
        if _c573.search(p572) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p574 = v['custom_reference_inspiration_id']
        if not (isinstance(p574, str)):
            return False
        if _c575.search(p574) is None:
            return False
    if 'model_slug' in v:
        p576 = v['model_slug']
        if not (isinstance(p576, str)):
            return False
        if _c577.search(p576) is None:
            return False
    if 'variant_id' in v:
        p578 = v['variant_id']
        if not (isinstance(p578, str)):
            return False
        if _c579.search(p578) is None:
            return False
    if 'resolution' in v:
        p580 = v['resolution']
        if not (isinstance(p580, str)):
            return False
        if _c581.search(p580) is None:
            return False
    if 'duration' in v:
        p582 = v['duration']
        if not (((isinstance(p582, int) and not isinstance(p582, bool)) or (isinstance(p582, float) and p582.is_integer()))):
            return False
        if p582 < 1:
            return False
    if 'source_video_url' in v:
        p583 = v['source_video_url']
        if not (isinstance(p583, str)):
            return False
        if _c584.search(p583) is None:
            return False
    if 'motion_video_url' in v:
        p585 = v['motion_video_url']
        if not (isinstance(p585, str)):
            return False
        if _c586.search(p585) is None:
            return False
    if 'audio_url' in v:
        p587 = v['audio_url']
        if not (isinstance(p587, str)):
            return False
        if _c588.search(p587) is None:
            return False
    if 'generate_audio' in v:
        p589 = v['generate_audio']
        if not (isinstance(p589, bool)):
            return False
    if 'request_count' in v:
        p590 = v['request_count']
        if not (((isinstance(p590, int) and not isinstance(p590, bool)) or (isinstance(p590, float) and p590.is_integer()))):
            return False
        if p590 < 1:
            return False
        if p590 > 10:
            return False
    if 'revision' in v:
        p591 = v['revision']
        if not (((isinstance(p591, int) and not isinstance(p591, bool)) or (isinstance(p591, float) and p591.is_integer()))):
            return False
        if p591 < 0:
            return False
    if 'labels' in v:
        p592 = v['labels']
        if not _check33(p592):
            return False
    if 'description' in v:
        p593 = v['description']
        if not (isinstance(p593, str)):
            return False
    if 'matrix' in v:
        p594 = v['matrix']
        if not _check595(p594):
            return False
    if 'variants' in v:
        p664 = v['variants']
        if not _check665(p664):
            return False
    if not v.keys() <= _c703:
        return False
    if not _check704(v):
        return False
    if not _check726(v):
        return False
    if not _check748(v):
        return False
    if _check770(v):
        return False
    return True


def _check772(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c773:
            return False
        if 'type' in v:
            p774 = v['type']
            if not (isinstance(p774, str) and p774 == 'ai_model'):
                return False
    return True


def _check561(v: Any) -> bool:
    if _check772(v):
        if not _check562(v):
            return False
    else:
        pass
    return True


def _check47(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if not v.keys() >= _c48:
        return False
    if 'type' in v:
        p49 = v['type']
        if not (isinstance(p49, str) and p49 in _c50):
            return False
    if not _check54(v):
        return False
    if not _check201(v):
        return False
    if not _check381(v):
        return False
    if not _check561(v):
        return False
    return True


def _check41(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    for k42 in v:
        if not (isinstance(k42, str)):
            return False
        if _c43.search(k42) is None:
            return False
    for k45, p46 in v.items():
        if not _check47(p46):
            return False
    return True


def _check1(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'version' in v:
        p2 = v['version']
        if not _equal(p2, _c3):
            return False
    if 'defaults' in v:
        p4 = v['defaults']
        if not _check5(p4):
            return False
    if 'creatives' in v:
        p40 = v['creatives']
        if not _check41(p40):
            return False
    if not v.keys() <= _c778:
        return False
    if not v.keys() >= _c779:
        return False
    return True


check = _check1
