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
_c12 = frozenset(())
_c16 = frozenset(('batches', 'fingerprint', 'retired', 'revision', 'source', 'spec'))
_c18 = re.compile('^sha256:[0-9a-f]{64}$')
_c27 = frozenset(('generations', 'idempotency_key', 'number', 'phase', 'request_count'))
_c30 = re.compile('^crv1-[0-9a-f]{40}$')
_c33 = frozenset(('pending', 'submitted'))
_c43 = frozenset(('id', 'status'))
_c46 = frozenset(('completed', 'failed', 'missing', 'processing', 'queued'))
_c52 = frozenset(('error', 'id', 'status', 'updated_at', 'url'))
_c53 = frozenset(('credits_deducted', 'generations', 'idempotency_key', 'number', 'phase', 'request_count', 'submitted_at'))
_c56 = frozenset(('credits_deducted', 'generations', 'idempotency_key', 'number', 'phase', 'request_count', 'submitted_at'))
_c61 = frozenset(('fingerprint',))
_c63 = re.compile('^sha256:[0-9a-f]{64}$')
_c64 = frozenset(('fingerprint',))
_c67 = frozenset(('credits_deducted', 'fingerprint', 'generations', 'idempotency_key', 'number', 'phase', 'request_count', 'submitted_at'))
_c68 = frozenset(('batches', 'fingerprint', 'retired', 'revision', 'source', 'spec'))
_c69 = frozenset(('creatives', 'format_version', 'lineage', 'serial'))


def _check36(v: Any) -> bool:
    if not (isinstance(v, str)):
        return False
    if len(v) < 1:
        return False
    return True


def _check37(v: Any) -> bool:
    if not (v is None):
        return False
    return True


def _check35(v: Any) -> bool:
    if not (_check36(v) or _check37(v)):
        return False
    return True


def _check51(v: Any) -> bool:
    if not (v is None):
        return False
    return True


def _check50(v: Any) -> bool:
    if not (_check36(v) or _check51(v)):
        return False
    return True


def _check42(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if not v.keys() >= _c43:
        return False
    if 'id' in v:
        p44 = v['id']
        if not (isinstance(p44, str)):
            return False
        if len(p44) < 1:
            return False
    if 'status' in v:
        p45 = v['status']
        if not (isinstance(p45, str) and p45 in _c46):
            return False
    if 'url' in v:
        p47 = v['url']
        if not (isinstance(p47, str) or p47 is None):
            return False
        if isinstance(p47, str):
            if len(p47) < 1:
                return False
    if 'error' in v:
        p48 = v['error']
        if not (isinstance(p48, dict) or p48 is None):
            return False
    if 'updated_at' in v:
        p49 = v['updated_at']
        if not _check50(p49):
            return False
    if not v.keys() <= _c52:
        return False
    return True


def _check40(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    for i41 in v:
        if not _check42(i41):
            return False
    return True


def _check26(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if not v.keys() >= _c27:
        return False
    if 'number' in v:
        p28 = v['number']
        if not (((isinstance(p28, int) and not isinstance(p28, bool)) or (isinstance(p28, float) and p28.is_integer()))):
            return False
        if p28 < 0:
            return False
    if 'idempotency_key' in v:
        p29 = v['idempotency_key']
        if not (isinstance(p29, str)):
            return False
        if _c30.search(p29) is None:
            return False
    if 'request_count' in v:
        p31 = v['request_count']
        if not (((isinstance(p31, int) and not isinstance(p31, bool)) or (isinstance(p31, float) and p31.is_integer()))):
            return False
        if p31 < 1:
            return False
        if p31 > 10:
            return False
    if 'phase' in v:
        p32 = v['phase']
        if not (isinstance(p32, str) and p32 in _c33):
            return False
    if 'submitted_at' in v:
        p34 = v['submitted_at']
        if not _check35(p34):
            return False
    if 'credits_deducted' in v:
        p38 = v['credits_deducted']
        if not (((isinstance(p38, int) and not isinstance(p38, bool)) or (isinstance(p38, float) and p38.is_integer())) or p38 is None):
            return False
        if (isinstance(p38, int | float) and not isinstance(p38, bool)):
            if p38 < 0:
                return False
    if 'generations' in v:
        p39 = v['generations']
        if not _check40(p39):
            return False
    return True


def _check25(v: Any) -> bool:
    if not _check26(v):
        return False
    if isinstance(v, dict):
        if not v.keys() <= _c56:
            return False
    return True


def _check23(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    for i24 in v:
        if not _check25(i24):
            return False
    return True


def _check60(v: Any) -> bool:
    if not _check26(v):
        return False
    if isinstance(v, dict):
        if not v.keys() >= _c61:
            return False
        if 'fingerprint' in v:
            p62 = v['fingerprint']
            if not (isinstance(p62, str)):
                return False
            if _c63.search(p62) is None:
                return False
        if not v.keys() <= _c67:
            return False
    return True


def _check58(v: Any) -> bool:
    if not (isinstance(v, list)):
        return False
    for i59 in v:
        if not _check60(i59):
            return False
    return True


def _check15(v: Any) -> bool:
    if not (isinstance(v, dict)):
        return False
    if not v.keys() >= _c16:
        return False
    if 'fingerprint' in v:
        p17 = v['fingerprint']
        if not (isinstance(p17, str)):
            return False
        if _c18.search(p17) is None:
            return False
    if 'spec' in v:
        p19 = v['spec']
        if not (isinstance(p19, dict)):
            return False
    if 'source' in v:
        p20 = v['source']
        if not (isinstance(p20, str)):
            return False
    if 'revision' in v:
        p21 = v['revision']
        if not (((isinstance(p21, int) and not isinstance(p21, bool)) or (isinstance(p21, float) and p21.is_integer()))):
            return False
        if p21 < 0:
            return False
    if 'batches' in v:
        p22 = v['batches']
        if not _check23(p22):
            return False
    if 'retired' in v:
        p57 = v['retired']
        if not _check58(p57):
            return False
    if not v.keys() <= _c68:
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
    for k13, p14 in v.items():
        if not _check15(p14):
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
    if not v.keys() <= _c69:
        return False
    return True


check = _check1
