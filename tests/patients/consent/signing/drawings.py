"""Drawn signatures as the canvas sends them, sound and broken PNGs."""

import base64
import io
import struct
import zlib

from PIL import Image, ImageDraw


def png_bytes(size=(500, 150)):
    """A drawing like the canvas makes: a transparent PNG with one dark stroke."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(20, 100), (120, 40), (220, 110)], fill=(17, 17, 17), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (60, 20), (255, 255, 255)).save(buffer, format="JPEG")
    return buffer.getvalue()


def png_url(raw: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(raw).decode()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with_a_broken_checksum() -> bytes:
    """A PNG whose first byte of image data was changed after its checksum was written."""
    raw = png_bytes()
    at = raw.index(b"IDAT") + 8
    return raw[:at] + bytes([raw[at] ^ 0xFF]) + raw[at + 1 :]


def png_claiming_to_be_huge() -> bytes:
    """A few dozen bytes whose header says 100,000 by 100,000 pixels."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b""))
        + png_chunk(b"IEND", b"")
    )
