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
_c38 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'duration', 'generate_audio', 'labels', 'motion_video_url', 'preset_id', 'quality_tier', 'reference_image_urls', 'request_count', 'resolution', 'source_video_url'))
_c42 = re.compile('^[a-z0-9][a-z0-9_-]*$')
_c46 = frozenset(('type',))
_c48 = frozenset(('ai_model', 'static_ad', 'ugc_ad', 'video_ad'))
_c53 = re.compile('\\S')
_c55 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c59 = re.compile('^\\S+$')
_c61 = re.compile('^\\S+$')
_c63 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c65 = re.compile('^\\S+$')
_c67 = re.compile('^\\S+$')
_c77 = re.compile('\\S')
_c78 = re.compile('^[^\\s,\\[\\]]+$')
_c82 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c83 = re.compile('^[^\\s,\\[\\]]+$')
_c87 = re.compile('^[^\\s,\\[\\]]+$')
_c91 = re.compile('^\\S+$')
_c92 = re.compile('^[^\\s,\\[\\]]+$')
_c96 = re.compile('^\\S+$')
_c97 = re.compile('^[^\\s,\\[\\]]+$')
_c101 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c102 = re.compile('^[^\\s,\\[\\]]+$')
_c106 = re.compile('^\\S+$')
_c107 = re.compile('^[^\\s,\\[\\]]+$')
_c111 = re.compile('^\\S+$')
_c112 = re.compile('^[^\\s,\\[\\]]+$')
_c113 = frozenset(('aspect_ratio', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'preset_id', 'prompt', 'resolution', 'template_slug'))
_c117 = re.compile('^[a-z0-9][a-z0-9_-]*$')
_c122 = re.compile('\\S')
_c124 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c128 = re.compile('^\\S+$')
_c130 = re.compile('^\\S+$')
_c132 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c134 = re.compile('^\\S+$')
_c136 = re.compile('^\\S+$')
_c141 = frozenset(('aspect_ratio', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'labels', 'preset_id', 'prompt', 'reference_image_urls', 'request_count', 'resolution', 'revision', 'template_slug'))
_c142 = frozenset(('aspect_ratio', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'labels', 'matrix', 'preset_id', 'prompt', 'reference_image_urls', 'request_count', 'resolution', 'revision', 'template_slug', 'type', 'variants'))
_c145 = frozenset(('prompt',))
_c147 = frozenset(('matrix',))
_c149 = frozenset(('prompt',))
_c151 = frozenset(('variants',))
_c156 = frozenset(('prompt',))
_c159 = frozenset(('template_slug',))
_c161 = frozenset(('matrix',))
_c163 = frozenset(('template_slug',))
_c165 = frozenset(('variants',))
_c170 = frozenset(('template_slug',))
_c172 = frozenset(('matrix', 'variants'))
_c174 = frozenset(('type',))
_c180 = re.compile('\\S')
_c182 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c186 = re.compile('^\\S+$')
_c188 = re.compile('^\\S+$')
_c190 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c192 = re.compile('^\\S+$')
_c195 = re.compile('^\\S+$')
_c197 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c199 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c201 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c211 = re.compile('\\S')
_c212 = re.compile('^[^\\s,\\[\\]]+$')
_c216 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c217 = re.compile('^[^\\s,\\[\\]]+$')
_c221 = re.compile('^[^\\s,\\[\\]]+$')
_c225 = re.compile('^\\S+$')
_c226 = re.compile('^[^\\s,\\[\\]]+$')
_c230 = re.compile('^\\S+$')
_c231 = re.compile('^[^\\s,\\[\\]]+$')
_c235 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c236 = re.compile('^[^\\s,\\[\\]]+$')
_c240 = re.compile('^\\S+$')
_c241 = re.compile('^[^\\s,\\[\\]]+$')
_c245 = re.compile('^[^\\s,\\[\\]]+$')
_c249 = re.compile('^\\S+$')
_c250 = re.compile('^[^\\s,\\[\\]]+$')
_c254 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c255 = re.compile('^[^\\s,\\[\\]]+$')
_c259 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c260 = re.compile('^[^\\s,\\[\\]]+$')
_c264 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c265 = re.compile('^[^\\s,\\[\\]]+$')
_c266 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'duration', 'motion_video_url', 'preset_id', 'prompt', 'quality_tier', 'source_video_url', 'template_slug'))
_c270 = re.compile('^[a-z0-9][a-z0-9_-]*$')
_c275 = re.compile('\\S')
_c277 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c281 = re.compile('^\\S+$')
_c283 = re.compile('^\\S+$')
_c285 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c287 = re.compile('^\\S+$')
_c290 = re.compile('^\\S+$')
_c292 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c294 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c296 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c301 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'duration', 'labels', 'motion_video_url', 'preset_id', 'prompt', 'quality_tier', 'reference_image_urls', 'request_count', 'revision', 'source_video_url', 'template_slug'))
_c302 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'duration', 'labels', 'matrix', 'motion_video_url', 'preset_id', 'prompt', 'quality_tier', 'reference_image_urls', 'request_count', 'revision', 'source_video_url', 'template_slug', 'type', 'variants'))
_c305 = frozenset(('prompt',))
_c307 = frozenset(('matrix',))
_c309 = frozenset(('prompt',))
_c311 = frozenset(('variants',))
_c316 = frozenset(('prompt',))
_c319 = frozenset(('template_slug',))
_c321 = frozenset(('matrix',))
_c323 = frozenset(('template_slug',))
_c325 = frozenset(('variants',))
_c330 = frozenset(('template_slug',))
_c332 = frozenset(('matrix', 'variants'))
_c334 = frozenset(('type',))
_c340 = re.compile('\\S')
_c342 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c346 = re.compile('^\\S+$')
_c348 = re.compile('^\\S+$')
_c350 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c352 = re.compile('^\\S+$')
_c355 = re.compile('^\\S+$')
_c357 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c359 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c361 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c371 = re.compile('\\S')
_c372 = re.compile('^[^\\s,\\[\\]]+$')
_c376 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c377 = re.compile('^[^\\s,\\[\\]]+$')
_c381 = re.compile('^[^\\s,\\[\\]]+$')
_c385 = re.compile('^\\S+$')
_c386 = re.compile('^[^\\s,\\[\\]]+$')
_c390 = re.compile('^\\S+$')
_c391 = re.compile('^[^\\s,\\[\\]]+$')
_c395 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c396 = re.compile('^[^\\s,\\[\\]]+$')
_c400 = re.compile('^\\S+$')
_c401 = re.compile('^[^\\s,\\[\\]]+$')
_c405 = re.compile('^[^\\s,\\[\\]]+$')
_c409 = re.compile('^\\S+$')
_c410 = re.compile('^[^\\s,\\[\\]]+$')
_c414 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c415 = re.compile('^[^\\s,\\[\\]]+$')
_c419 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c420 = re.compile('^[^\\s,\\[\\]]+$')
_c424 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c425 = re.compile('^[^\\s,\\[\\]]+$')
_c426 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'duration', 'motion_video_url', 'preset_id', 'prompt', 'quality_tier', 'source_video_url', 'template_slug'))
_c430 = re.compile('^[a-z0-9][a-z0-9_-]*$')
_c435 = re.compile('\\S')
_c437 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c441 = re.compile('^\\S+$')
_c443 = re.compile('^\\S+$')
_c445 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c447 = re.compile('^\\S+$')
_c450 = re.compile('^\\S+$')
_c452 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c454 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c456 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c461 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'duration', 'labels', 'motion_video_url', 'preset_id', 'prompt', 'quality_tier', 'reference_image_urls', 'request_count', 'revision', 'source_video_url', 'template_slug'))
_c462 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'duration', 'labels', 'matrix', 'motion_video_url', 'preset_id', 'prompt', 'quality_tier', 'reference_image_urls', 'request_count', 'revision', 'source_video_url', 'template_slug', 'type', 'variants'))
_c465 = frozenset(('prompt',))
_c467 = frozenset(('matrix',))
_c469 = frozenset(('prompt',))
_c471 = frozenset(('variants',))
_c476 = frozenset(('prompt',))
_c479 = frozenset(('template_slug',))
_c481 = frozenset(('matrix',))
_c483 = frozenset(('template_slug',))
_c485 = frozenset(('variants',))
_c490 = frozenset(('template_slug',))
_c492 = frozenset(('matrix', 'variants'))
_c494 = frozenset(('type',))
_c500 = re.compile('\\S')
_c502 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c506 = re.compile('^\\S+$')
_c508 = re.compile('^\\S+$')
_c510 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c512 = re.compile('^\\S+$')
_c514 = re.compile('^\\S+$')
_c516 = re.compile('^\\S+$')
_c519 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c521 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c523 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c534 = re.compile('\\S')
_c535 = re.compile('^[^\\s,\\[\\]]+$')
_c539 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c540 = re.compile('^[^\\s,\\[\\]]+$')
_c544 = re.compile('^[^\\s,\\[\\]]+$')
_c548 = re.compile('^\\S+$')
_c549 = re.compile('^[^\\s,\\[\\]]+$')
_c553 = re.compile('^\\S+$')
_c554 = re.compile('^[^\\s,\\[\\]]+$')
_c558 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c559 = re.compile('^[^\\s,\\[\\]]+$')
_c563 = re.compile('^\\S+$')
_c564 = re.compile('^[^\\s,\\[\\]]+$')
_c568 = re.compile('^\\S+$')
_c569 = re.compile('^[^\\s,\\[\\]]+$')
_c573 = re.compile('^\\S+$')
_c574 = re.compile('^[^\\s,\\[\\]]+$')
_c578 = re.compile('^[^\\s,\\[\\]]+$')
_c582 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c583 = re.compile('^[^\\s,\\[\\]]+$')
_c587 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c588 = re.compile('^[^\\s,\\[\\]]+$')
_c592 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c593 = re.compile('^[^\\s,\\[\\]]+$')
_c597 = re.compile('^[^\\s,\\[\\]]+$')
_c598 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'duration', 'generate_audio', 'model_slug', 'motion_video_url', 'preset_id', 'prompt', 'resolution', 'source_video_url', 'variant_id'))
_c602 = re.compile('^[a-z0-9][a-z0-9_-]*$')
_c607 = re.compile('\\S')
_c609 = re.compile('^(auto|[1-9][0-9]*:[1-9][0-9]*)$')
_c613 = re.compile('^\\S+$')
_c615 = re.compile('^\\S+$')
_c617 = re.compile('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
_c619 = re.compile('^\\S+$')
_c621 = re.compile('^\\S+$')
_c623 = re.compile('^\\S+$')
_c626 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c628 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c630 = re.compile('^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$')
_c636 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'duration', 'generate_audio', 'labels', 'model_slug', 'motion_video_url', 'preset_id', 'prompt', 'reference_image_urls', 'request_count', 'resolution', 'revision', 'source_video_url', 'variant_id'))
_c637 = frozenset(('aspect_ratio', 'audio_url', 'avatar_id', 'brand_kit_id', 'custom_reference_inspiration_id', 'description', 'duration', 'generate_audio', 'labels', 'matrix', 'model_slug', 'motion_video_url', 'preset_id', 'prompt', 'reference_image_urls', 'request_count', 'resolution', 'revision', 'source_video_url', 'type', 'variant_id', 'variants'))
_c640 = frozenset(('prompt',))
_c642 = frozenset(('matrix',))
_c644 = frozenset(('prompt',))
_c646 = frozenset(('variants',))
_c651 = frozenset(('prompt',))
_c654 = frozenset(('model_slug',))
_c656 = frozenset(('matrix',))
_c658 = frozenset(('model_slug',))
_c660 = frozenset(('variants',))
_c665 = frozenset(('model_slug',))
_c668 = frozenset(('variant_id',))
_c670 = frozenset(('matrix',))
_c672 = frozenset(('variant_id',))
_c674 = frozenset(('variants',))
_c679 = frozenset(('variant_id',))
_c681 = frozenset(('matrix', 'variants'))
_c683 = frozenset(('type',))
_c685 = frozenset(('creatives', 'defaults', 'version'))
_c686 = frozenset(('creatives',))


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
    for k36, p37 in v.items():
        if not (isinstance(p37, str)):
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
    if not v.keys() <= _c38:
        return False
    return True


def _check75(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i76 in v:
        if not (isinstance(i76, str)):
            return False
        if _c77.search(i76) is None:
            return False
        if isinstance(i76, str):
            if _c78.search(i76) is None:
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
        if not (((isinstance(i86, int) and not isinstance(i86, bool)) or (isinstance(i86, float) and i86.is_integer()))):
            return False
        if i86 < 1:
            return False
        if isinstance(i86, str):
            if _c87.search(i86) is None:
                return False
    return True


def _check89(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i90 in v:
        if not (isinstance(i90, str)):
            return False
        if _c91.search(i90) is None:
            return False
        if isinstance(i90, str):
            if _c92.search(i90) is None:
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


def _check73(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    if 'prompt' in v:
        p74 = v['prompt']
        if not _check75(p74):
            return False
    if 'aspect_ratio' in v:
        p79 = v['aspect_ratio']
        if not _check80(p79):
            return False
    if 'brand_kit_id' in v:
        p84 = v['brand_kit_id']
        if not _check85(p84):
            return False
    if 'avatar_id' in v:
        p88 = v['avatar_id']
        if not _check89(p88):
            return False
    if 'preset_id' in v:
        p93 = v['preset_id']
        if not _check94(p93):
            return False
    if 'custom_reference_inspiration_id' in v:
        p98 = v['custom_reference_inspiration_id']
        if not _check99(p98):
            return False
    if 'template_slug' in v:
        p103 = v['template_slug']
        if not _check104(p103):
            return False
    if 'resolution' in v:
        p108 = v['resolution']
        if not _check109(p108):
            return False
    if not v.keys() <= _c113:
        return False
    return True


def _check120(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'prompt' in v:
        p121 = v['prompt']
        if not (isinstance(p121, str)):
            return False
        if _c122.search(p121) is None:
            return False
    if 'aspect_ratio' in v:
        p123 = v['aspect_ratio']
        if not (isinstance(p123, str)):
            return False
        if _c124.search(p123) is None:
            return False
    if 'reference_image_urls' in v:
        p125 = v['reference_image_urls']
        if not _check9(p125):
            return False
    if 'brand_kit_id' in v:
        p126 = v['brand_kit_id']
        if not (((isinstance(p126, int) and not isinstance(p126, bool)) or (isinstance(p126, float) and p126.is_integer()))):
            return False
        if p126 < 1:
            return False
    if 'avatar_id' in v:
        p127 = v['avatar_id']
        if not (isinstance(p127, str)):
            return False
        if _c128.search(p127) is None:
            return False
    if 'preset_id' in v:
        p129 = v['preset_id']
        if not (isinstance(p129, str)):
            return False
        if _c130.search(p129) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p131 = v['custom_reference_inspiration_id']
        if not (isinstance(p131, str)):
            return False
        if _c132.search(p131) is None:
            return False
    if 'template_slug' in v:
        p133 = v['template_slug']
        if not (isinstance(p133, str)):
            return False
        if _c134.search(p133) is None:
            return False
    if 'resolution' in v:
        p135 = v['resolution']
        if not (isinstance(p135, str)):
            return False
        if _c136.search(p135) is None:
            return False
    if 'request_count' in v:
        p137 = v['request_count']
        if not (((isinstance(p137, int) and not isinstance(p137, bool)) or (isinstance(p137, float) and p137.is_integer()))):
            return False
        if p137 < 1:
            return False
        if p137 > 10:
            return False
    if 'revision' in v:
        p138 = v['revision']
        if not (((isinstance(p138, int) and not isinstance(p138, bool)) or (isinstance(p138, float) and p138.is_integer()))):
            return False
        if p138 < 0:
            return False
    if 'labels' in v:
        p139 = v['labels']
        if not _check33(p139):
            return False
    if 'description' in v:
        p140 = v['description']
        if not (isinstance(p140, str)):
            return False
    if not v.keys() <= _c141:
        return False
    return True


def _check115(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    for k116 in v:
        if not (isinstance(k116, str)):
            return False
        if _c117.search(k116) is None:
            return False
    for k118, p119 in v.items():
        if not _check120(p119):
            return False
    return True


def _check144(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c145:
            return False
    return True


def _check146(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c147:
            return False
        if 'matrix' in v:
            p148 = v['matrix']
            if isinstance(p148, dict):
                if not p148.keys() >= _c149:
                    return False
    return True


def _check153(v: Any) -> bool:
    if isinstance(v, dict):
        for k154, p155 in v.items():
            if isinstance(p155, dict):
                if not p155.keys() >= _c156:
                    return False
    return True


def _check150(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c151:
            return False
        if 'variants' in v:
            p152 = v['variants']
            if not _check153(p152):
                return False
    return True


def _check143(v: Any) -> bool:
    if not (_check144(v) or _check146(v) or _check150(v)):
        return False
    return True


def _check158(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c159:
            return False
    return True


def _check160(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c161:
            return False
        if 'matrix' in v:
            p162 = v['matrix']
            if isinstance(p162, dict):
                if not p162.keys() >= _c163:
                    return False
    return True


def _check167(v: Any) -> bool:
    if isinstance(v, dict):
        for k168, p169 in v.items():
            if isinstance(p169, dict):
                if not p169.keys() >= _c170:
                    return False
    return True


def _check164(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c165:
            return False
        if 'variants' in v:
            p166 = v['variants']
            if not _check167(p166):
                return False
    return True


def _check157(v: Any) -> bool:
    if not (_check158(v) or _check160(v) or _check164(v)):
        return False
    return True


def _check171(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c172:
            return False
    return True


def _check50(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'type' in v:
        p51 = v['type']
        if not (isinstance(p51, str) and p51 == 'static_ad'):
            return False
    if 'prompt' in v:
        p52 = v['prompt']
        if not (isinstance(p52, str)):
            return False
        if _c53.search(p52) is None:
            return False
    if 'aspect_ratio' in v:
        p54 = v['aspect_ratio']
        if not (isinstance(p54, str)):
            return False
        if _c55.search(p54) is None:
            return False
    if 'reference_image_urls' in v:
        p56 = v['reference_image_urls']
        if not _check9(p56):
            return False
    if 'brand_kit_id' in v:
        p57 = v['brand_kit_id']
        if not (((isinstance(p57, int) and not isinstance(p57, bool)) or (isinstance(p57, float) and p57.is_integer()))):
            return False
        if p57 < 1:
            return False
    if 'avatar_id' in v:
        p58 = v['avatar_id']
        if not (isinstance(p58, str)):
            return False
        if _c59.search(p58) is None:
            return False
    if 'preset_id' in v:
        p60 = v['preset_id']
        if not (isinstance(p60, str)):
            return False
        if _c61.search(p60) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p62 = v['custom_reference_inspiration_id']
        if not (isinstance(p62, str)):
            return False
        if _c63.search(p62) is None:
            return False
    if 'template_slug' in v:
        p64 = v['template_slug']
        if not (isinstance(p64, str)):
            return False
        if _c65.search(p64) is None:
            return False
    if 'resolution' in v:
        p66 = v['resolution']
        if not (isinstance(p66, str)):
            return False
        if _c67.search(p66) is None:
            return False
    if 'request_count' in v:
        p68 = v['request_count']
        if not (((isinstance(p68, int) and not isinstance(p68, bool)) or (isinstance(p68, float) and p68.is_integer()))):
            return False
        if p68 < 1:
            return False
        if p68 > 10:
            return False
    if 'revision' in v:
        p69 = v['revision']
        if not (((isinstance(p69, int) and not isinstance(p69, bool)) or (isinstance(p69, float) and p69.is_integer()))):
            return False
        if p69 < 0:
            return False
    if 'labels' in v:
        p70 = v['labels']
        if not _check33(p70):
            return False
    if 'description' in v:
        p71 = v['description']
        if not (isinstance(p71, str)):
            return False
    if 'matrix' in v:
        p72 = v['matrix']
        if not _check73(p72):
            return False
    if 'variants' in v:
        p114 = v['variants']
        if not _check115(p114):
            return False
    if not v.keys() <= _c142:
        return False
    if not _check143(v):
        return False
    if not _check157(v):
        return False
    if _check171(v):
        return False
    return True


def _check173(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c174:
            return False
        if 'type' in v:
            p175 = v['type']
            if not (isinstance(p175, str) and p175 == 'static_ad'):
                return False
    return True


def _check49(v: Any) -> bool:
    if _check173(v):
        if not _check50(v):
            return False
    else:
        pass
    return True


def _check209(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i210 in v:
        if not (isinstance(i210, str)):
            return False
        if _c211.search(i210) is None:
            return False
        if isinstance(i210, str):
            if _c212.search(i210) is None:
                return False
    return True


def _check214(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i215 in v:
        if not (isinstance(i215, str)):
            return False
        if _c216.search(i215) is None:
            return False
        if isinstance(i215, str):
            if _c217.search(i215) is None:
                return False
    return True


def _check219(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i220 in v:
        if not (((isinstance(i220, int) and not isinstance(i220, bool)) or (isinstance(i220, float) and i220.is_integer()))):
            return False
        if i220 < 1:
            return False
        if isinstance(i220, str):
            if _c221.search(i220) is None:
                return False
    return True


def _check223(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i224 in v:
        if not (isinstance(i224, str)):
            return False
        if _c225.search(i224) is None:
            return False
        if isinstance(i224, str):
            if _c226.search(i224) is None:
                return False
    return True


def _check228(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i229 in v:
        if not (isinstance(i229, str)):
            return False
        if _c230.search(i229) is None:
            return False
        if isinstance(i229, str):
            if _c231.search(i229) is None:
                return False
    return True


def _check233(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i234 in v:
        if not (isinstance(i234, str)):
            return False
        if _c235.search(i234) is None:
            return False
        if isinstance(i234, str):
            if _c236.search(i234) is None:
                return False
    return True


def _check238(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i239 in v:
        if not (isinstance(i239, str)):
            return False
        if _c240.search(i239) is None:
            return False
        if isinstance(i239, str):
            if _c241.search(i239) is None:
                return False
    return True


def _check243(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i244 in v:
        if not (((isinstance(i244, int) and not isinstance(i244, bool)) or (isinstance(i244, float) and i244.is_integer()))):
            return False
        if i244 < 1:
            return False
        if isinstance(i244, str):
            if _c245.search(i244) is None:
                return False
    return True


def _check247(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i248 in v:
        if not (isinstance(i248, str)):
            return False
        if _c249.search(i248) is None:
            return False
        if isinstance(i248, str):
            if _c250.search(i248) is None:
                return False
    return True


def _check252(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i253 in v:
        if not (isinstance(i253, str)):
            return False
        if _c254.search(i253) is None:
            return False
        if isinstance(i253, str):
            if _c255.search(i253) is None:
                return False
    return True


def _check257(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i258 in v:
        if not (isinstance(i258, str)):
            return False
        if _c259.search(i258) is None:
            return False
        if isinstance(i258, str):
            if _c260.search(i258) is None:
                return False
    return True


def _check262(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i263 in v:
        if not (isinstance(i263, str)):
            return False
        if _c264.search(i263) is None:
            return False
        if isinstance(i263, str):
            if _c265.search(i263) is None:
                return False
    return True


def _check207(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    if 'prompt' in v:
        p208 = v['prompt']
        if not _check209(p208):
            return False
    if 'aspect_ratio' in v:
        p213 = v['aspect_ratio']
        if not _check214(p213):
            return False
    if 'brand_kit_id' in v:
        p218 = v['brand_kit_id']
        if not _check219(p218):
            return False
    if 'avatar_id' in v:
        p222 = v['avatar_id']
        if not _check223(p222):
            return False
    if 'preset_id' in v:
        p227 = v['preset_id']
        if not _check228(p227):
            return False
    if 'custom_reference_inspiration_id' in v:
        p232 = v['custom_reference_inspiration_id']
        if not _check233(p232):
            return False
    if 'template_slug' in v:
        p237 = v['template_slug']
        if not _check238(p237):
            return False
    if 'duration' in v:
        p242 = v['duration']
        if not _check243(p242):
            return False
    if 'quality_tier' in v:
        p246 = v['quality_tier']
        if not _check247(p246):
            return False
    if 'source_video_url' in v:
        p251 = v['source_video_url']
        if not _check252(p251):
            return False
    if 'motion_video_url' in v:
        p256 = v['motion_video_url']
        if not _check257(p256):
            return False
    if 'audio_url' in v:
        p261 = v['audio_url']
        if not _check262(p261):
            return False
    if not v.keys() <= _c266:
        return False
    return True


def _check273(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'prompt' in v:
        p274 = v['prompt']
        if not (isinstance(p274, str)):
            return False
        if _c275.search(p274) is None:
            return False
    if 'aspect_ratio' in v:
        p276 = v['aspect_ratio']
        if not (isinstance(p276, str)):
            return False
        if _c277.search(p276) is None:
            return False
    if 'reference_image_urls' in v:
        p278 = v['reference_image_urls']
        if not _check9(p278):
            return False
    if 'brand_kit_id' in v:
        p279 = v['brand_kit_id']
        if not (((isinstance(p279, int) and not isinstance(p279, bool)) or (isinstance(p279, float) and p279.is_integer()))):
            return False
        if p279 < 1:
            return False
    if 'avatar_id' in v:
        p280 = v['avatar_id']
        if not (isinstance(p280, str)):
            return False
        if _c281.search(p280) is None:
            return False
    if 'preset_id' in v:
        p282 = v['preset_id']
        if not (isinstance(p282, str)):
            return False
        if _c283.search(p282) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p284 = v['custom_reference_inspiration_id']
        if not (isinstance(p284, str)):
            return False
        if _c285.search(p284) is None:
            return False
    if 'template_slug' in v:
        p286 = v['template_slug']
        if not (isinstance(p286, str)):
            return False
        if _c287.search(p286) is None:
            return False
    if 'duration' in v:
        p288 = v['duration']
        if not (((isinstance(p288, int) and not isinstance(p288, bool)) or (isinstance(p288, float) and p288.is_integer()))):
            return False
        if p288 < 1:
            return False
    if 'quality_tier' in v:
        p289 = v['quality_tier']
        if not (isinstance(p289, str)):
            return False
        if _c290.search(p289) is None:
            return False
    if 'source_video_url' in v:
        p291 = v['source_video_url']
        if not (isinstance(p291, str)):
            return False
        if _c292.search(p291) is None:
            return False
    if 'motion_video_url' in v:
        p293 = v['motion_video_url']
        if not (isinstance(p293, str)):
            return False
        if _c294.search(p293) is None:
            return False
    if 'audio_url' in v:
        p295 = v['audio_url']
        if not (isinstance(p295, str)):
            return False
        if _c296.search(p295) is None:
            return False
    if 'request_count' in v:
        p297 = v['request_count']
        if not (((isinstance(p297, int) and not isinstance(p297, bool)) or (isinstance(p297, float) and p297.is_integer()))):
            return False
        if p297 < 1:
            return False
        if p297 > 10:
            return False
    if 'revision' in v:
        p298 = v['revision']
        if not (((isinstance(p298, int) and not isinstance(p298, bool)) or (isinstance(p298, float) and p298.is_integer()))):
            return False
        if p298 < 0:
            return False
    if 'labels' in v:
        p299 = v['labels']
        if not _check33(p299):
            return False
    if 'description' in v:
        p300 = v['description']
        if not (isinstance(p300, str)):
            return False
    if not v.keys() <= _c301:
        return False
    return True


def _check268(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    for k269 in v:
        if not (isinstance(k269, str)):
            return False
        if _c270.search(k269) is None:
            return False
    for k271, p272 in v.items():
        if not _check273(p272):
            return False
    return True


def _check304(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c305:
            return False
    return True


def _check306(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c307:
            return False
        if 'matrix' in v:
            p308 = v['matrix']
            if isinstance(p308, dict):
                if not p308.keys() >= _c309:
                    return False
    return True


def _check313(v: Any) -> bool:
    if isinstance(v, dict):
        for k314, p315 in v.items():
            if isinstance(p315, dict):
                if not p315.keys() >= _c316:
                    return False
    return True


def _check310(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c311:
            return False
        if 'variants' in v:
            p312 = v['variants']
            if not _check313(p312):
                return False
    return True


def _check303(v: Any) -> bool:
    if not (_check304(v) or _check306(v) or _check310(v)):
        return False
    return True


def _check318(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c319:
            return False
    return True


def _check320(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c321:
            return False
        if 'matrix' in v:
            p322 = v['matrix']
            if isinstance(p322, dict):
                if not p322.keys() >= _c323:
                    return False
    return True


def _check327(v: Any) -> bool:
    if isinstance(v, dict):
        for k328, p329 in v.items():
            if isinstance(p329, dict):
                if not p329.keys() >= _c330:
                    return False
    return True


def _check324(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c325:
            return False
        if 'variants' in v:
            p326 = v['variants']
            if not _check327(p326):
                return False
    return True


def _check317(v: Any) -> bool:
    if not (_check318(v) or _check320(v) or _check324(v)):
        return False
    return True


def _check331(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c332:
            return False
    return True


def _check177(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'type' in v:
        p178 = v['type']
        if not (isinstance(p178, str) and p178 == 'video_ad'):
            return False
    if 'prompt' in v:
        p179 = v['prompt']
        if not (isinstance(p179, str)):
            return False
        if _c180.search(p179) is None:
            return False
    if 'aspect_ratio' in v:
        p181 = v['aspect_ratio']
        if not (isinstance(p181, str)):
            return False
        if _c182.search(p181) is None:
            return False
    if 'reference_image_urls' in v:
        p183 = v['reference_image_urls']
        if not _check9(p183):
            return False
    if 'brand_kit_id' in v:
        p184 = v['brand_kit_id']
        if not (((isinstance(p184, int) and not isinstance(p184, bool)) or (isinstance(p184, float) and p184.is_integer()))):
            return False
        if p184 < 1:
            return False
    if 'avatar_id' in v:
        p185 = v['avatar_id']
        if not (isinstance(p185, str)):
            return False
        if _c186.search(p185) is None:
            return False
    if 'preset_id' in v:
        p187 = v['preset_id']
        if not (isinstance(p187, str)):
            return False
        if _c188.search(p187) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p189 = v['custom_reference_inspiration_id']
        if not (isinstance(p189, str)):
            return False
        if _c190.search(p189) is None:
            return False
    if 'template_slug' in v:
        p191 = v['template_slug']
        if not (isinstance(p191, str)):
            return False
        if _c192.search(p191) is None:
            return False
    if 'duration' in v:
        p193 = v['duration']
        if not (((isinstance(p193, int) and not isinstance(p193, bool)) or (isinstance(p193, float) and p193.is_integer()))):
            return False
        if p193 < 1:
            return False
    if 'quality_tier' in v:
        p194 = v['quality_tier']
        if not (isinstance(p194, str)):
            return False
        if _c195.search(p194) is None:
            return False
    if 'source_video_url' in v:
        p196 = v['source_video_url']
        if not (isinstance(p196, str)):
            return False
        if _c197.search(p196) is None:
            return False
    if 'motion_video_url' in v:
        p198 = v['motion_video_url']
        if not (isinstance(p198, str)):
            return False
        if _c199.search(p198) is None:
            return False
    if 'audio_url' in v:
        p200 = v['audio_url']
        if not (isinstance(p200, str)):
            return False
        if _c201.search(p200) is None:
            return False
    if 'request_count' in v:
        p202 = v['request_count']
        if not (((isinstance(p202, int) and not isinstance(p202, bool)) or (isinstance(p202, float) and p202.is_integer()))):
            return False
        if p202 < 1:
            return False
        if p202 > 10:
            return False
    if 'revision' in v:
        p203 = v['revision']
        if not (((isinstance(p203, int) and not isinstance(p203, bool)) or (isinstance(p203, float) and p203.is_integer()))):
            return False
        if p203 < 0:
            return False
    if 'labels' in v:
        p204 = v['labels']
        if not _check33(p204):
            return False
    if 'description' in v:
        p205 = v['description']
        if not (isinstance(p205, str)):
            return False
    if 'matrix' in v:
        p206 = v['matrix']
        if not _check207(p206):
            return False
    if 'variants' in v:
        p267 = v['variants']
        if not _check268(p267):
            return False
    if not v.keys() <= _c302:
        return False
    if not _check303(v):
        return False
    if not _check317(v):
        return False
    if _check331(v):
        return False
    return True


def _check333(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c334:
            return False
        if 'type' in v:
            p335 = v['type']
            if not (isinstance(p335, str) and p335 == 'video_ad'):
                return False
    return True


def _check176(v: Any) -> bool:
    if _check333(v):
        if not _check177(v):
            return False
    else:
        pass
    return True


def _check369(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i370 in v:
        if not (isinstance(i370, str)):
            return False
        if _c371.search(i370) is None:
            return False
        if isinstance(i370, str):
            if _c372.search(i370) is None:
                return False
    return True


def _check374(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i375 in v:
        if not (isinstance(i375, str)):
            return False
        if _c376.search(i375) is None:
            return False
        if isinstance(i375, str):
            if _c377.search(i375) is None:
                return False
    return True


def _check379(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i380 in v:
        if not (((isinstance(i380, int) and not isinstance(i380, bool)) or (isinstance(i380, float) and i380.is_integer()))):
            return False
        if i380 < 1:
            return False
        if isinstance(i380, str):
            if _c381.search(i380) is None:
                return False
    return True


def _check383(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i384 in v:
        if not (isinstance(i384, str)):
            return False
        if _c385.search(i384) is None:
            return False
        if isinstance(i384, str):
            if _c386.search(i384) is None:
                return False
    return True


def _check388(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i389 in v:
        if not (isinstance(i389, str)):
            return False
        if _c390.search(i389) is None:
            return False
        if isinstance(i389, str):
            if _c391.search(i389) is None:
                return False
    return True


def _check393(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i394 in v:
        if not (isinstance(i394, str)):
            return False
        if _c395.search(i394) is None:
            return False
        if isinstance(i394, str):
            if _c396.search(i394) is None:
                return False
    return True


def _check398(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i399 in v:
        if not (isinstance(i399, str)):
            return False
        if _c400.search(i399) is None:
            return False
        if isinstance(i399, str):
            if _c401.search(i399) is None:
                return False
    return True


def _check403(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i404 in v:
        if not (((isinstance(i404, int) and not isinstance(i404, bool)) or (isinstance(i404, float) and i404.is_integer()))):
            return False
        if i404 < 1:
            return False
        if isinstance(i404, str):
            if _c405.search(i404) is None:
                return False
    return True


def _check407(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i408 in v:
        if not (isinstance(i408, str)):
            return False
        if _c409.search(i408) is None:
            return False
        if isinstance(i408, str):
            if _c410.search(i408) is None:
                return False
    return True


def _check412(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i413 in v:
        if not (isinstance(i413, str)):
            return False
        if _c414.search(i413) is None:
            return False
        if isinstance(i413, str):
            if _c415.search(i413) is None:
                return False
    return True


def _check417(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i418 in v:
        if not (isinstance(i418, str)):
            return False
        if _c419.search(i418) is None:
            return False
        if isinstance(i418, str):
            if _c420.search(i418) is None:
                return False
    return True


def _check422(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i423 in v:
        if not (isinstance(i423, str)):
            return False
        if _c424.search(i423) is None:
            return False
        if isinstance(i423, str):
            if _c425.search(i423) is None:
                return False
    return True


def _check367(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    if 'prompt' in v:
        p368 = v['prompt']
        if not _check369(p368):
            return False
    if 'aspect_ratio' in v:
        p373 = v['aspect_ratio']
        if not _check374(p373):
            return False
    if 'brand_kit_id' in v:
        p378 = v['brand_kit_id']
        if not _check379(p378):
            return False
    if 'avatar_id' in v:
        p382 = v['avatar_id']
        if not _check383(p382):
            return False
    if 'preset_id' in v:
        p387 = v['preset_id']
        if not _check388(p387):
            return False
    if 'custom_reference_inspiration_id' in v:
        p392 = v['custom_reference_inspiration_id']
        if not _check393(p392):
            return False
    if 'template_slug' in v:
        p397 = v['template_slug']
        if not _check398(p397):
            return False
    if 'duration' in v:
        p402 = v['duration']
        if not _check403(p402):
            return False
    if 'quality_tier' in v:
        p406 = v['quality_tier']
        if not _check407(p406):
            return False
    if 'source_video_url' in v:
        p411 = v['source_video_url']
        if not _check412(p411):
            return False
    if 'motion_video_url' in v:
        p416 = v['motion_video_url']
        if not _check417(p416):
            return False
    if 'audio_url' in v:
        p421 = v['audio_url']
        if not _check422(p421):
            return False
    if not v.keys() <= _c426:
        return False
    return True


def _check433(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'prompt' in v:
        p434 = v['prompt']
        if not (isinstance(p434, str)):
            return False
        if _c435.search(p434) is None:
            return False
    if 'aspect_ratio' in v:
        p436 = v['aspect_ratio']
        if not (isinstance(p436, str)):
            return False
        if _c437.search(p436) is None:
            return False
    if 'reference_image_urls' in v:
        p438 = v['reference_image_urls']
        if not _check9(p438):
            return False
    if 'brand_kit_id' in v:
        p439 = v['brand_kit_id']
        if not (((isinstance(p439, int) and not isinstance(p439, bool)) or (isinstance(p439, float) and p439.is_integer()))):
            return False
        if p439 < 1:
            return False
    if 'avatar_id' in v:
        p440 = v['avatar_id']
        if not (isinstance(p440, str)):
            return False
        if _c441.search(p440) is None:
            return False
    if 'preset_id' in v:
        p442 = v['preset_id']
        if not (isinstance(p442, str)):
            return False
        if _c443.search(p442) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p444 = v['custom_reference_inspiration_id']
        if not (isinstance(p444, str)):
            return False
        if _c445.search(p444) is None:
            return False
    if 'template_slug' in v:
        p446 = v['template_slug']
        if not (isinstance(p446, str)):
            return False
        if _c447.search(p446) is None:
            return False
    if 'duration' in v:
        p448 = v['duration']
        if not (((isinstance(p448, int) and not isinstance(p448, bool)) or (isinstance(p448, float) and p448.is_integer()))):
            return False
        if p448 < 1:
            return False
    if 'quality_tier' in v:
        p449 = v['quality_tier']
        if not (isinstance(p449, str)):
            return False
        if _c450.search(p449) is None:
            return False
    if 'source_video_url' in v:
        p451 = v['source_video_url']
        if not (isinstance(p451, str)):
            return False
        if _c452.search(p451) is None:
            return False
    if 'motion_video_url' in v:
        p453 = v['motion_video_url']
        if not (isinstance(p453, str)):
            return False
        if _c454.search(p453) is None:
            return False
    if 'audio_url' in v:
        p455 = v['audio_url']
        if not (isinstance(p455, str)):
            return False
        if _c456.search(p455) is None:
            return False
    if 'request_count' in v:
        p457 = v['request_count']
        if not (((isinstance(p457, int) and not isinstance(p457, bool)) or (isinstance(p457, float) and p457.is_integer()))):
            return False
        if p457 < 1:
            return False
        if p457 > 10:
            return False
    if 'revision' in v:
        p458 = v['revision']
        if not (((isinstance(p458, int) and not isinstance(p458, bool)) or (isinstance(p458, float) and p458.is_integer()))):
            return False
        if p458 < 0:
            return False
    if 'labels' in v:
        p459 = v['labels']
        if not _check33(p459):
            return False
    if 'description' in v:
        p460 = v['description']
        if not (isinstance(p460, str)):
            return False
    if not v.keys() <= _c461:
        return False
    return True


def _check428(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    for k429 in v:
        if not (isinstance(k429, str)):
            return False
        if _c430.search(k429) is None:
            return False
    for k431, p432 in v.items():
        if not _check433(p432):
            return False
    return True


def _check464(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c465:
            return False
    return True


def _check466(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c467:
            return False
        if 'matrix' in v:
            p468 = v['matrix']
            if isinstance(p468, dict):
                if not p468.keys() >= _c469:
                    return False
    return True


def _check473(v: Any) -> bool:
    if isinstance(v, dict):
        for k474, p475 in v.items():
            if isinstance(p475, dict):
                if not p475.keys() >= _c476:
                    return False
    return True


def _check470(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c471:
            return False
        if 'variants' in v:
            p472 = v['variants']
            if not _check473(p472):
                return False
    return True


def _check463(v: Any) -> bool:
    if not (_check464(v) or _check466(v) or _check470(v)):
        return False
    return True


def _check478(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c479:
            return False
    return True


def _check480(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c481:
            return False
        if 'matrix' in v:
            p482 = v['matrix']
            if isinstance(p482, dict):
                if not p482.keys() >= _c483:
                    return False
    return True


def _check487(v: Any) -> bool:
    if isinstance(v, dict):
        for k488, p489 in v.items():
            if isinstance(p489, dict):
                if not p489.keys() >= _c490:
                    return False
    return True


def _check484(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c485:
            return False
        if 'variants' in v:
            p486 = v['variants']
            if not _check487(p486):
                return False
    return True


def _check477(v: Any) -> bool:
    if not (_check478(v) or _check480(v) or _check484(v)):
        return False
    return True


def _check491(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c492:
            return False
    return True


def _check337(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'type' in v:
        p338 = v['type']
        if not (isinstance(p338, str) and p338 == 'ugc_ad'):
            return False
    if 'prompt' in v:
        p339 = v['prompt']
        if not (isinstance(p339, str)):
            return False
        if _c340.search(p339) is None:
            return False
    if 'aspect_ratio' in v:
        p341 = v['aspect_ratio']
        if not (isinstance(p341, str)):
            return False
        if _c342.search(p341) is None:
            return False
    if 'reference_image_urls' in v:
        p343 = v['reference_image_urls']
        if not _check9(p343):
            return False
    if 'brand_kit_id' in v:
        p344 = v['brand_kit_id']
        if not (((isinstance(p344, int) and not isinstance(p344, bool)) or (isinstance(p344, float) and p344.is_integer()))):
            return False
        if p344 < 1:
            return False
    if 'avatar_id' in v:
        p345 = v['avatar_id']
        if not (isinstance(p345, str)):
            return False
        if _c346.search(p345) is None:
            return False
    if 'preset_id' in v:
        p347 = v['preset_id']
        if not (isinstance(p347, str)):
            return False
        if _c348.search(p347) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p349 = v['custom_reference_inspiration_id']
        if not (isinstance(p349, str)):
            return False
        if _c350.search(p349) is None:
            return False
    if 'template_slug' in v:
        p351 = v['template_slug']
        if not (isinstance(p351, str)):
            return False
        if _c352.search(p351) is None:
            return False
    if 'duration' in v:
        p353 = v['duration']
        if not (((isinstance(p353, int) and not isinstance(p353, bool)) or (isinstance(p353, float) and p353.is_integer()))):
            return False
        if p353 < 1:
            return False
    if 'quality_tier' in v:
        p354 = v['quality_tier']
        if not (isinstance(p354, str)):
            return False
        if _c355.search(p354) is None:
            return False
    if 'source_video_url' in v:
        p356 = v['source_video_url']
        if not (isinstance(p356, str)):
            return False
        if _c357.search(p356) is None:
            return False
    if 'motion_video_url' in v:
        p358 = v['motion_video_url']
        if not (isinstance(p358, str)):
            return False
        if _c359.search(p358) is None:
            return False
    if 'audio_url' in v:
        p360 = v['audio_url']
        if not (isinstance(p360, str)):
            return False
        if _c361.search(p360) is None:
            return False
    if 'request_count' in v:
        p362 = v['request_count']
        if not (((isinstance(p362, int) and not isinstance(p362, bool)) or (isinstance(p362, float) and p362.is_integer()))):
            return False
        if p362 < 1:
            return False
        if p362 > 10:
            return False
    if 'revision' in v:
        p363 = v['revision']
        if not (((isinstance(p363, int) and not isinstance(p363, bool)) or (isinstance(p363, float) and p363.is_integer()))):
            return False
        if p363 < 0:
            return False
    if 'labels' in v:
        p364 = v['labels']
        if not _check33(p364):
            return False
    if 'description' in v:
        p365 = v['description']
        if not (isinstance(p365, str)):
            return False
    if 'matrix' in v:
        p366 = v['matrix']
        if not _check367(p366):
            return False
    if 'variants' in v:
        p427 = v['variants']
        if not _check428(p427):
            return False
    if not v.keys() <= _c462:
        return False
    if not _check463(v):
        return False
    if not _check477(v):
        return False
    if _check491(v):
        return False
    return True


def _check493(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c494:
            return False
        if 'type' in v:
            p495 = v['type']
            if not (isinstance(p495, str) and p495 == 'ugc_ad'):
                return False
    return True


def _check336(v: Any) -> bool:
    if _check493(v):
        if not _check337(v):
            return False
    else:
        pass
    return True


def _check532(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i533 in v:
        if not (isinstance(i533, str)):
            return False
        if _c534.search(i533) is None:
            return False
        if isinstance(i533, str):
            if _c535.search(i533) is None:
                return False
    return True


def _check537(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i538 in v:
        if not (isinstance(i538, str)):
            return False
        if _c539.search(i538) is None:
            return False
        if isinstance(i538, str):
            if _c540.search(i538) is None:
                return False
    return True


def _check542(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i543 in v:
        if not (((isinstance(i543, int) and not isinstance(i543, bool)) or (isinstance(i543, float) and i543.is_integer()))):
            return False
        if i543 < 1:
            return False
        if isinstance(i543, str):
            if _c544.search(i543) is None:
                return False
    return True


def _check546(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i547 in v:
        if not (isinstance(i547, str)):
            return False
        if _c548.search(i547) is None:
            return False
        if isinstance(i547, str):
            if _c549.search(i547) is None:
                return False
    return True


def _check551(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i552 in v:
        if not (isinstance(i552, str)):
            return False
        if _c553.search(i552) is None:
            return False
        if isinstance(i552, str):
            if _c554.search(i552) is None:
                return False
    return True


def _check556(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i557 in v:
        if not (isinstance(i557, str)):
            return False
        if _c558.search(i557) is None:
            return False
        if isinstance(i557, str):
            if _c559.search(i557) is None:
                return False
    return True


def _check561(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i562 in v:
        if not (isinstance(i562, str)):
            return False
        if _c563.search(i562) is None:
            return False
        if isinstance(i562, str):
            if _c564.search(i562) is None:
                return False
    return True


def _check566(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i567 in v:
        if not (isinstance(i567, str)):
            return False
        if _c568.search(i567) is None:
            return False
        if isinstance(i567, str):
            if _c569.search(i567) is None:
                return False
    return True


def _check571(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i572 in v:
        if not (isinstance(i572, str)):
            return False
        if _c573.search(i572) is None:
            return False
        if isinstance(i572, str):
            if _c574.search(i572) is None:
                return False
    return True


def _check576(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i577 in v:
        if not (((isinstance(i577, int) and not isinstance(i577, bool)) or (isinstance(i577, float) and i577.is_integer()))):
            return False
        if i577 < 1:
            return False
        if isinstance(i577, str):
            if _c578.search(i577) is None:
                return False
    return True


def _check580(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i581 in v:
        if not (isinstance(i581, str)):
            return False
        if _c582.search(i581) is None:
            return False
        if isinstance(i581, str):
            if _c583.search(i581) is None:
                return False
    return True


def _check585(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i586 in v:
        if not (isinstance(i586, str)):
            return False
        if _c587.search(i586) is None:
            return False
        if isinstance(i586, str):
            if _c588.search(i586) is None:
                return False
    return True


def _check590(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i591 in v:
        if not (isinstance(i591, str)):
            return False
        if _c592.search(i591) is None:
            return False
        if isinstance(i591, str):
            if _c593.search(i591) is None:
                return False
    return True


def _check595(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    if len(v) < 1:
        return False
    if not _unique(v):
        return False
    for i596 in v:
        if not (isinstance(i596, bool)):
            return False
        if isinstance(i596, str):
            if _c597.search(i596) is None:
                return False
    return True


def _check530(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    if 'prompt' in v:
        p531 = v['prompt']
        if not _check532(p531):
            return False
    if 'aspect_ratio' in v:
        p536 = v['aspect_ratio']
        if not _check537(p536):
            return False
    if 'brand_kit_id' in v:
        p541 = v['brand_kit_id']
        if not _check542(p541):
            return False
    if 'avatar_id' in v:
        p545 = v['avatar_id']
        if not _check546(p545):
            return False
    if 'preset_id' in v:
        p550 = v['preset_id']
        if not _check551(p550):
            return False
    if 'custom_reference_inspiration_id' in v:
        p555 = v['custom_reference_inspiration_id']
        if not _check556(p555):
            return False
    if 'model_slug' in v:
        p560 = v['model_slug']
        if not _check561(p560):
            return False
    if 'variant_id' in v:
        p565 = v['variant_id']
        if not _check566(p565):
            return False
    if 'resolution' in v:
        p570 = v['resolution']
        if not _check571(p570):
            return False
    if 'duration' in v:
        p575 = v['duration']
        if not _check576(p575):
            return False
    if 'source_video_url' in v:
        p579 = v['source_video_url']
        if not _check580(p579):
            return False
    if 'motion_video_url' in v:
        p584 = v['motion_video_url']
        if not _check585(p584):
            return False
    if 'audio_url' in v:
        p589 = v['audio_url']
        if not _check590(p589):
            return False
    if 'generate_audio' in v:
        p594 = v['generate_audio']
        if not _check595(p594):
            return False
    if not v.keys() <= _c598:
        return False
    return True


def _check605(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'prompt' in v:
        p606 = v['prompt']
        if not (isinstance(p606, str)):
            return False
        if _c607.search(p606) is None:
            return False
    if 'aspect_ratio' in v:
        p608 = v['aspect_ratio']
        if not (isinstance(p608, str)):
            return False
        if _c609.search(p608) is None:
            return False
    if 'reference_image_urls' in v:
        p610 = v['reference_image_urls']
        if not _check9(p610):
            return False
    if 'brand_kit_id' in v:
        p611 = v['brand_kit_id']
        if not (((isinstance(p611, int) and not isinstance(p611, bool)) or (isinstance(p611, float) and p611.is_integer()))):
            return False
        if p611 < 1:
            return False
    if 'avatar_id' in v:
        p612 = v['avatar_id']
        if not (isinstance(p612, str)):
            return False
        if _c613.search(p612) is None:
            return False
    if 'preset_id' in v:
        p614 = v['preset_id']
        if not (isinstance(p614, str)):
            return False
        if _c615.search(p614) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p616 = v['custom_reference_inspiration_id']
        if not (isinstance(p616, str)):
            return False
        if _c617.search(p616) is None:
            return False
    if 'model_slug' in v:
        p618 = v['model_slug']
        if not (isinstance(p618, str)):
            return False
        if _c619.search(p618) is None:
            return False
    if 'variant_id' in v:
        p620 = v['variant_id']
        if not (isinstance(p620, str)):
            return False
        if _c621.search(p620) is None:
            return False
    if 'resolution' in v:
        p622 = v['resolution']
        if not (isinstance(p622, str)):
            return False
        if _c623.search(p622) is None:
            return False
    if 'duration' in v:
        p624 = v['duration']
        if not (((isinstance(p624, int) and not isinstance(p624, bool)) or (isinstance(p624, float) and p624.is_integer()))):
            return False
        if p624 < 1:
            return False
    if 'source_video_url' in v:
        p625 = v['source_video_url']
        if not (isinstance(p625, str)):
            return False
        if _c626.search(p625) is None:
            return False
    if 'motion_video_url' in v:
        p627 = v['motion_video_url']
        if not (isinstance(p627, str)):
            return False
        if _c628.search(p627) is None:
            return False
    if 'audio_url' in v:
        p629 = v['audio_url']
        if not (isinstance(p629, str)):
            return False
        if _c630.search(p629) is None:
            return False
    if 'generate_audio' in v:
        p631 = v['generate_audio']
        if not (isinstance(p631, bool)):
            return False
    if 'request_count' in v:
        p632 = v['request_count']
        if not (((isinstance(p632, int) and not isinstance(p632, bool)) or (isinstance(p632, float) and p632.is_integer()))):
            return False
        if p632 < 1:
            return False
        if p632 > 10:
            return False
    if 'revision' in v:
        p633 = v['revision']
        if not (((isinstance(p633, int) and not isinstance(p633, bool)) or (isinstance(p633, float) and p633.is_integer()))):
            return False
        if p633 < 0:
            return False
    if 'labels' in v:
        p634 = v['labels']
        if not _check33(p634):
            return False
    if 'description' in v:
        p635 = v['description']
        if not (isinstance(p635, str)):
            return False
    if not v.keys() <= _c636:
        return False
    return True


def _check600(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if len(v) < 1:
        return False
    for k601 in v:
        if not (isinstance(k601, str)):
            return False
        if _c602.search(k601) is None:
            return False
    for k603, p604 in v.items():
        if not _check605(p604):
            return False
    return True


def _check639(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c640:
            return False
    return True


def _check641(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c642:
            return False
        if 'matrix' in v:
            p643 = v['matrix']
            if isinstance(p643, dict):
                if not p643.keys() >= _c644:
                    return False
    return True


def _check648(v: Any) -> bool:
    if isinstance(v, dict):
        for k649, p650 in v.items():
            if isinstance(p650, dict):
                if not p650.keys() >= _c651:
                    return False
    return True


def _check645(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c646:
            return False
        if 'variants' in v:
            p647 = v['variants']
            if not _check648(p647):
                return False
    return True


def _check638(v: Any) -> bool:
    if not (_check639(v) or _check641(v) or _check645(v)):
        return False
    return True


def _check653(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c654:
            return False
    return True


def _check655(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c656:
            return False
        if 'matrix' in v:
            p657 = v['matrix']
            if isinstance(p657, dict):
                if not p657.keys() >= _c658:
                    return False
    return True


def _check662(v: Any) -> bool:
    if isinstance(v, dict):
        for k663, p664 in v.items():
            if isinstance(p664, dict):
                if not p664.keys() >= _c665:
                    return False
    return True


def _check659(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c660:
            return False
        if 'variants' in v:
            p661 = v['variants']
            if not _check662(p661):
                return False
    return True


def _check652(v: Any) -> bool:
    if not (_check653(v) or _check655(v) or _check659(v)):
        return False
    return True


def _check667(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c668:
            return False
    return True


def _check669(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c670:
            return False
        if 'matrix' in v:
            p671 = v['matrix']
            if isinstance(p671, dict):
                if not p671.keys() >= _c672:
                    return False
    return True


def _check676(v: Any) -> bool:
    if isinstance(v, dict):
        for k677, p678 in v.items():
            if isinstance(p678, dict):
                if not p678.keys() >= _c679:
                    return False
    return True


def _check673(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c674:
            return False
        if 'variants' in v:
            p675 = v['variants']
            if not _check676(p675):
                return False
    return True


def _check666(v: Any) -> bool:
    if not (_check667(v) or _check669(v) or _check673(v)):
        return False
    return True


def _check680(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c681:
            return False
    return True


def _check497(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if 'type' in v:
        p498 = v['type']
        if not (isinstance(p498, str) and p498 == 'ai_model'):
            return False
    if 'prompt' in v:
        p499 = v['prompt']
        if not (isinstance(p499, str)):
            return False
        if _c500.search(p499) is None:
            return False
    if 'aspect_ratio' in v:
        p501 = v['aspect_ratio']
        if not (isinstance(p501, str)):
            return False
        if _c502.search(p501) is None:
            return False
    if 'reference_image_urls' in v:
        p503 = v['reference_image_urls']
        if not _check9(p503):
            return False
    if 'brand_kit_id' in v:
        p504 = v['brand_kit_id']
        if not (((isinstance(p504, int) and not isinstance(p504, bool)) or (isinstance(p504, float) and p504.is_integer()))):
            return False
        if p504 < 1:
            return False
    if 'avatar_id' in v:
        p505 = v['avatar_id']
        if not (isinstance(p505, str)):
            return False
        if _c506.search(p505) is None:
            return False
    if 'preset_id' in v:
        p507 = v['preset_id']
        if not (isinstance(p507, str)):
            return False
        if _c508.search(p507) is None:
            return False
    if 'custom_reference_inspiration_id' in v:
        p509 = v['custom_reference_inspiration_id']
        if not (isinstance(p509, str)):
            return False
        if _c510.search(p509) is None:
            return False
    if 'model_slug' in v:
        p511 = v['model_slug']
        if not (isinstance(p511, str)):
            return False
        if _c512.search(p511) is None:
            return False
    if 'variant_id' in v:
        p513 = v['variant_id']
        if not (isinstance(p513, str)):
            return False
        if _c514.search(p513) is None:
            return False
    if 'resolution' in v:
        p515 = v['resolution']
        if not (isinstance(p515, str)):
            return False
        if _c516.search(p515) is None:
            return False
    if 'duration' in v:
        p517 = v['duration']
        if not (((isinstance(p517, int) and not isinstance(p517, bool)) or (isinstance(p517, float) and p517.is_integer()))):
            return False
        if p517 < 1:
            return False
    if 'source_video_url' in v:
        p518 = v['source_video_url']
        if not (isinstance(p518, str)):
            return False
        if _c519.search(p518) is None:
            return False
    if 'motion_video_url' in v:
        p520 = v['motion_video_url']
        if not (isinstance(p520, str)):
            return False
        if _c521.search(p520) is None:
            return False
    if 'audio_url' in v:
        p522 = v['audio_url']
        if not (isinstance(p522, str)):
            return False
        if _c523.search(p522) is None:
            return False
    if 'generate_audio' in v:
        p524 = v['generate_audio']
        if not (isinstance(p524, bool)):
            return False
    if 'request_count' in v:
        p525 = v['request_count']
        if not (((isinstance(p525, int) and not isinstance(p525, bool)) or (isinstance(p525, float) and p525.is_integer()))):
            return False
        if p525 < 1:
            return False
        if p525 > 10:
            return False
    if 'revision' in v:
        p526 = v['revision']
        if not (((isinstance(p526, int) and not isinstance(p526, bool)) or (isinstance(p526, float) and p526.is_integer()))):
            return False
        if p526 < 0:
            return False
    if 'labels' in v:
        p527 = v['labels']
        if not _check33(p527):
            return False
    if 'description' in v:
        p528 = v['description']
        if not (isinstance(p528, str)):
            return False
    if 'matrix' in v:
        p529 = v['matrix']
        if not _check530(p529):
            return False
    if 'variants' in v:
        p599 = v['variants']
        if not _check600(p599):
            return False
    if not v.keys() <= _c637:
        return False
    if not _check638(v):
        return False
    if not _check652(v):
        return False
    if not _check666(v):
        return False
    if _check680(v):
        return False
    return True


def _check682(v: Any) -> bool:
    if isinstance(v, dict):
        if not v.keys() >= _c683:
            return False
        if 'type' in v:
            p684 = v['type']
            if not (isinstance(p684, str) and p684 == 'ai_model'):
                return False
    return True


def _check496(v: Any) -> bool:
    if _check682(v):
        if not _check497(v):
            return False
    else:
        pass
    return True


def _check45(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if not v.keys() >= _c46:
        return False
    if 'type' in v:
        p47 = v['type']
        if not (isinstance(p47, str) and p47 in _c48):
            return False
    if not _check49(v):
        return False
    if not _check176(v):
        return False
    if not _check336(v):
        return False
    if not _check496(v):
        return False
    return True


def _check40(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    for k41 in v:
        if not (isinstance(k41, str)):
            return False
        if _c42.search(k41) is None:
            return False
    for k43, p44 in v.items():
        if not _check45(p44):
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
        p39 = v['creatives']
        if not _check40(p39):
            return False
    if not v.keys() <= _c685:
        return False
    if not v.keys() >= _c686:
        return False
    return True


check = _check1
