"""Placeholder assets for finished outputs: a small valid PNG, a small MP4-looking file."""

from __future__ import annotations

import hashlib
import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_SIZE = 64
CONTENT_TYPES = {"png": "image/png", "mp4": "video/mp4"}


def colour(seed_text: str) -> tuple[int, int, int]:
    """A stable, fairly saturated colour per output, so a gallery tells them apart."""
    digest = hashlib.sha256(seed_text.encode("utf-8")).digest()
    return (64 + digest[0] % 160, 64 + digest[1] % 160, 64 + digest[2] % 160)


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png(rgb: tuple[int, int, int], size: int = PNG_SIZE) -> bytes:
    """A `size` x `size` solid-colour 8-bit RGB PNG."""
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    row = b"\x00" + bytes(rgb) * size  # filter type 0, then the pixels
    return (
        PNG_SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(row * size, 9))
        + _chunk(b"IEND", b"")
    )


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mp4() -> bytes:
    """An ISO base media file with an `ftyp` box and an empty `mdat`: enough to be sniffed."""
    brands = b"isom" + struct.pack(">I", 0x200) + b"isomiso2mp41"
    return _box(b"ftyp", brands) + _box(b"free", b"videotok sandbox") + _box(b"mdat", b"")


def render(extension: str, seed_text: str) -> bytes:
    """The placeholder bytes for `png` or `mp4`."""
    if extension == "png":
        return png(colour(seed_text))
    return mp4()
