"""Check generated from schemas/state.schema.json; do not edit.

Regenerate with `python -m reconciler.checks` after changing the schema;
tests/test_schema_check.py fails while this file is out of date.
"""

# ruff: noqa
import re
from typing import Any

from reconciler.schema_check import equal as _equal, unique as _unique

SCHEMA_DIGEST = "sha256:e2ff57918841a1f3163171ac3c9c0bb11d4856ab8dbc6f7f1452d0e261e35483"

_c2 = frozenset(('creatives', 'format_version', 'lineage', 'serial'))
_c4 = 1
_c6 = re.compile('^[0-9a-f]{32}$')
_c11 = re.compile('^[a-z0-9_-]+(\\[[^\\[\\]\\n]+\\])?$')
_c15 = frozenset(('batches', 'fingerprint', 'retired', 'revision', 'source', 'spec'))
_c17 = re.compile('^sha256:[0-9a-f]{64}$')
_c26 = frozenset(('generations', 'idempotency_key', 'number', 'phase', 'request_count'))
_c29 = re.compile('^crv1-[0-9a-f]{40}$')
_c32 = frozenset(('pending', 'submitted'))
_c42 = frozenset(('id', 'status'))
_c45 = frozenset(('completed', 'failed', 'missing', 'processing', 'queued'))
_c51 = frozenset(('error', 'id', 'status', 'updated_at', 'url'))
_c52 = frozenset(('credits_deducted', 'generations', 'idempotency_key', 'number', 'phase', 'request_count', 'submitted_at'))
_c57 = frozenset(('fingerprint',))
_c59 = re.compile('^sha256:[0-9a-f]{64}$')
_c60 = frozenset(('credits_deducted', 'fingerprint', 'generations', 'idempotency_key', 'number', 'phase', 'request_count', 'submitted_at'))
_c61 = frozenset(('batches', 'fingerprint', 'retired', 'revision', 'source', 'spec'))
_c62 = frozenset(('creatives', 'format_version', 'lineage', 'serial'))


def _check35(v: Any) -> bool:
    if not (isinstance(v, str)):
        return False
    if len(v) < 1:
        return False
    return True


def _check36(v: Any) -> bool:
    if not (v is None):
        return False
    return True


def _check34(v: Any) -> bool:
    if not (_check35(v) or _check36(v)):
        return False
    return True


def _check50(v: Any) -> bool:
    if not (v is None):
        return False
    return True


def _check49(v: Any) -> bool:
    if not (_check35(v) or _check50(v)):
        return False
    return True


def _check41(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if not v.keys() >= _c42:
        return False
    if 'id' in v:
        p43 = v['id']
        if not (isinstance(p43, str)):
            return False
        if len(p43) < 1:
            return False
    if 'status' in v:
        p44 = v['status']
        if not (isinstance(p44, str) and p44 in _c45):
            return False
    if 'url' in v:
        p46 = v['url']
        if not (isinstance(p46, str) or p46 is None):
            return False
        if isinstance(p46, str):
            if len(p46) < 1:
                return False
    if 'error' in v:
        p47 = v['error']
        if not (isinstance(p47, dict) or p47 is None):
            return False
    if 'updated_at' in v:
        p48 = v['updated_at']
        if not _check49(p48):
            return False
    if not v.keys() <= _c51:
        return False
    return True


def _check39(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    for i40 in v:
        if not _check41(i40):
            return False
    return True


def _check25(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if not v.keys() >= _c26:
        return False
    if 'number' in v:
        p27 = v['number']
        if not (((isinstance(p27, int) and not isinstance(p27, bool)) or (isinstance(p27, float) and p27.is_integer()))):
            return False
        if p27 < 0:
            return False
    if 'idempotency_key' in v:
        p28 = v['idempotency_key']
        if not (isinstance(p28, str)):
            return False
        if _c29.search(p28) is None:
            return False
    if 'request_count' in v:
        p30 = v['request_count']
        if not (((isinstance(p30, int) and not isinstance(p30, bool)) or (isinstance(p30, float) and p30.is_integer()))):
            return False
        if p30 < 1:
            return False
        if p30 > 10:
            return False
    if 'phase' in v:
        p31 = v['phase']
        if not (isinstance(p31, str) and p31 in _c32):
            return False
    if 'submitted_at' in v:
        p33 = v['submitted_at']
        if not _check34(p33):
            return False
    if 'credits_deducted' in v:
        p37 = v['credits_deducted']
        if not (((isinstance(p37, int) and not isinstance(p37, bool)) or (isinstance(p37, float) and p37.is_integer())) or p37 is None):
            return False
        if (isinstance(p37, int | float) and not isinstance(p37, bool)):
            if p37 < 0:
                return False
    if 'generations' in v:
        p38 = v['generations']
        if not _check39(p38):
            return False
    return True


def _check24(v: Any) -> bool:
    if not _check25(v):
        return False
    if isinstance(v, dict):
        if not v.keys() <= _c52:
            return False
    return True


def _check22(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    for i23 in v:
        if not _check24(i23):
            return False
    return True


def _check56(v: Any) -> bool:
    if not _check25(v):
        return False
    if isinstance(v, dict):
        if not v.keys() >= _c57:
            return False
        if 'fingerprint' in v:
            p58 = v['fingerprint']
            if not (isinstance(p58, str)):
                return False
            if _c59.search(p58) is None:
                return False
        if not v.keys() <= _c60:
            return False
    return True


def _check54(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    for i55 in v:
        if not _check56(i55):
            return False
    return True


def _check14(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if not v.keys() >= _c15:
        return False
    if 'fingerprint' in v:
        p16 = v['fingerprint']
        if not (isinstance(p16, str)):
            return False
        if _c17.search(p16) is None:
            return False
    if 'spec' in v:
        p18 = v['spec']
        if not (isinstance(p18, dict)):
            return False
    if 'source' in v:
        p19 = v['source']
        if not (isinstance(p19, str)):
            return False
    if 'revision' in v:
        p20 = v['revision']
        if not (((isinstance(p20, int) and not isinstance(p20, bool)) or (isinstance(p20, float) and p20.is_integer()))):
            return False
        if p20 < 0:
            return False
    if 'batches' in v:
        p21 = v['batches']
        if not _check22(p21):
            return False
    if 'retired' in v:
        p53 = v['retired']
        if not _check54(p53):
            return False
    if not v.keys() <= _c61:
        return False
    return True


def _check9(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    for k10 in v:
        if not (isinstance(k10, str)):
            return False
        if _c11.search(k10) is None:
            return False
    for k12, p13 in v.items():
        if not _check14(p13):
            return False
    return True


def _check1(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if not v.keys() >= _c2:
        return False
    if 'format_version' in v:
        p3 = v['format_version']
        if not _equal(p3, _c4):
            return False
    if 'lineage' in v:
        p5 = v['lineage']
        if not (isinstance(p5, str)):
            return False
        if _c6.search(p5) is None:
            return False
    if 'serial' in v:
        p7 = v['serial']
        if not (((isinstance(p7, int) and not isinstance(p7, bool)) or (isinstance(p7, float) and p7.is_integer()))):
            return False
        if p7 < 0:
            return False
    if 'creatives' in v:
        p8 = v['creatives']
        if not _check9(p8):
            return False
    if not v.keys() <= _c62:
        return False
    return True


check = _check1
