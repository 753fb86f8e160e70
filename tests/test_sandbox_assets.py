"""Placeholder assets: the PNG is a real, decodable image; the MP4 starts with an ftyp box."""

from __future__ import annotations

import struct
import zlib

from reconciler.sandbox import assets

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def decode_png(data: bytes) -> tuple[int, int, tuple[int, int, int]]:
    """Width, height and first pixel of an 8-bit RGB PNG, checking signature and every CRC."""
    assert data[:8] == PNG_SIGNATURE
    offset, chunks = 8, []
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        payload = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert zlib.crc32(kind + payload) == crc, kind
        chunks.append((kind, payload))
        offset += 12 + length
    kinds = [kind for kind, _ in chunks]
    assert kinds[0] == b"IHDR"
    assert kinds[-1] == b"IEND"
    width, height, depth, colour_type = struct.unpack(">IIBB", chunks[0][1][:10])
    assert (depth, colour_type) == (8, 2)
    pixels = zlib.decompress(b"".join(p for k, p in chunks if k == b"IDAT"))
    assert len(pixels) == height * (1 + 3 * width)
    first = pixels[1], pixels[2], pixels[3]
    return width, height, first


def test_png_is_a_valid_solid_image() -> None:
    width, height, first = decode_png(assets.png((10, 20, 30)))
    assert (width, height, first) == (64, 64, (10, 20, 30))


def test_png_colour_is_stable_per_output_and_varies() -> None:
    one = assets.render("png", "id-1")
    assert one == assets.render("png", "id-1")
    colours = {decode_png(assets.render("png", f"id-{n}"))[2] for n in range(8)}
    assert len(colours) > 1


def test_mp4_has_an_ftyp_box_and_consistent_box_sizes() -> None:
    data = assets.render("mp4", "any")
    assert data[4:12] == b"ftypisom"
    offset, kinds = 0, []
    while offset < len(data):
        (size,) = struct.unpack(">I", data[offset : offset + 4])
        kinds.append(data[offset + 4 : offset + 8])
        offset += size
    assert offset == len(data)
    assert kinds == [b"ftyp", b"free", b"mdat"]
