#!/usr/bin/env python3
"""Makes the flagship's two sample photos, jungle.png and ruins.png, procedurally.

They are synthetic (value noise, colour ramps and simple shapes; no photographs, no third-party
content), so they carry the repository's own MIT licence. Standard library only; deterministic.
Run: python3 workflows/assets/make_assets.py
"""
import math
import os
import random
import struct
import zlib

WIDTH, HEIGHT = 1024, 576


def value_noise(seed, cell):
    """Smooth value noise with the given cell size, as a function of (x, y) -> 0..1."""
    rng = random.Random(seed)
    cols, rows = WIDTH // cell + 2, HEIGHT // cell + 2
    grid = [[rng.random() for _ in range(cols)] for _ in range(rows)]

    def at(x, y):
        gx, gy = x / cell, y / cell
        x0, y0 = int(gx), int(gy)
        tx, ty = gx - x0, gy - y0
        tx, ty = tx * tx * (3 - 2 * tx), ty * ty * (3 - 2 * ty)
        a = grid[y0][x0] * (1 - tx) + grid[y0][x0 + 1] * tx
        b = grid[y0 + 1][x0] * (1 - tx) + grid[y0 + 1][x0 + 1] * tx
        return a * (1 - ty) + b * ty

    return at


def fractal(seed, cells):
    layers = [value_noise(seed + i, c) for i, c in enumerate(cells)]
    weights = [0.5 ** i for i in range(len(cells))]
    total = sum(weights)
    return lambda x, y: sum(w * layer(x, y) for w, layer in zip(weights, layers)) / total


def clamp(v):
    return max(0, min(255, int(v)))


def jungle(x, y, n, leaves):
    # Dark undergrowth at the bottom, bright canopy light at the top, leafy blotches everywhere.
    light = 0.35 + 0.65 * (1 - y / HEIGHT) ** 1.5
    leaf = leaves(x, y)
    shaft = max(0.0, math.sin((x + 0.6 * y) / 90.0)) ** 12 * 0.5 * (1 - y / HEIGHT)
    g = (60 + 150 * leaf * light + 120 * shaft)
    r = (20 + 70 * n * light + 100 * shaft)
    b = (15 + 50 * (1 - leaf) * light + 60 * shaft)
    return clamp(r), clamp(g), clamp(b)


def ruins(x, y, n, moss):
    # Stone blocks in offset courses, mortar lines, weathering noise and moss in the joints.
    course = 72
    row = y // course
    offset = (row % 2) * 70
    bx = (x + offset) % 140
    by = y % course
    mortar = bx < 5 or by < 5
    stone = 115 + 70 * n
    warm = 12 * math.sin(row * 1.7 + (x + offset) // 140)
    m = moss(x, y)
    if mortar:
        r, g, b = 60 + 20 * m, 62 + 50 * m, 50
    else:
        green = max(0.0, m - 0.55) * 2.2
        r = stone + warm - 40 * green
        g = stone * 0.95 + warm * 0.5 + 30 * green
        b = stone * 0.85 - 30 * green
    sky = max(0.0, 1 - y / 120.0)
    return clamp(r * (1 - sky) + 170 * sky), clamp(g * (1 - sky) + 200 * sky), clamp(b * (1 - sky) + 230 * sky)


def write_png(path, pixel):
    raw = bytearray()
    for y in range(HEIGHT):
        raw.append(0)
        for x in range(WIDTH):
            raw.extend(pixel(x, y))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    grain = fractal(1, [64, 16, 4])
    leaves = fractal(7, [48, 12, 3])
    write_png(os.path.join(here, "jungle.png"), lambda x, y: jungle(x, y, grain(x, y), leaves))
    stone = fractal(3, [32, 8, 2])
    moss = fractal(11, [96, 24])
    write_png(os.path.join(here, "ruins.png"), lambda x, y: ruins(x, y, stone(x, y), moss))


if __name__ == "__main__":
    main()
