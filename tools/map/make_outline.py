#!/usr/bin/env python3
"""Derives hakusho's outline of Japan (themes/default/map/japan.txt) from japanmap's japan.json.

Standard-library Python, run by a maintainer; the build never runs it and never downloads anything.

    python3 tools/map/make_outline.py path/to/japanmap-0.6.0-py3-none-any.whl > themes/default/map/japan.txt

The argument is the japanmap wheel (a zip; `pip download japanmap==0.6.0 --no-deps -d DIR` fetches it) or its
extracted `japan.json`. What it does:

1. reads the topology: a list of points (lon, lat) and, per prefecture (JIS X 0401 order), the arcs that make its
   outline, each tagged with the neighbour it borders (0 = the sea);
2. projects every point with a Lambert conformal conic (standard parallels 33° and 44° N, origin 37° N 137° E),
   the same formula `src/map/project.rs` uses for case coordinates;
3. simplifies each arc once (Ramer-Douglas-Peucker, endpoints fixed) and keeps the same points for both
   prefectures on either side, so neighbours still meet;
4. moves Okinawa into a box at the top left (an inset, as Japanese maps draw it);
5. writes one line per prefecture with its SVG path in relative commands, to one decimal.
"""

import json
import math
import sys
import zipfile

# Projection (kept in step with src/map/project.rs).
LAT1, LAT2, LAT0, LON0 = 33.0, 44.0, 37.0, 137.0
SCALE = 2550.0  # viewBox units per unit of the projected plane (the unit sphere's radius)
TOLERANCE = 1.0  # viewBox units
OKINAWA = 47
# Okinawa's inset: its points are enlarged INSET_ZOOM times about its capital and moved to INSET_AT (the empty
# sea at the top left), in projected units.
INSET_ZOOM = 2.0
INSET_CENTRE = (127.68, 26.21)  # Naha
INSET_AT = (-0.085 * SCALE, -0.105 * SCALE)
MARGIN = 8.0


def lcc_constants():
    p1, p2 = math.radians(LAT1), math.radians(LAT2)
    n = math.log(math.cos(p1) / math.cos(p2)) / math.log(
        math.tan(math.pi / 4 + p2 / 2) / math.tan(math.pi / 4 + p1 / 2)
    )
    f = math.cos(p1) * math.tan(math.pi / 4 + p1 / 2) ** n / n
    rho0 = f / math.tan(math.pi / 4 + math.radians(LAT0) / 2) ** n
    return n, f, rho0


N, F, RHO0 = lcc_constants()


def project(lon, lat):
    """Lambert conformal conic, y downwards, in viewBox units before the offset."""
    rho = F / math.tan(math.pi / 4 + math.radians(lat) / 2) ** N
    theta = N * math.radians(lon - LON0)
    return (rho * math.sin(theta) * SCALE, -(RHO0 - rho * math.cos(theta)) * SCALE)


def rdp(points, tol):
    """Indices (into points) kept by Ramer-Douglas-Peucker; the first and last are always kept."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        best, best_d = None, tol
        for i in range(a + 1, b):
            px, py = points[i]
            if length == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / length
            if d > best_d:
                best, best_d = i, d
        if best is not None:
            keep.add(best)
            stack.append((a, best))
            stack.append((best, b))
    return keep


def load(path):
    if path.endswith(".whl") or path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            return json.loads(z.read("japanmap/japan.json"))
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    qp, qo = load(sys.argv[1])
    lonlat = [p[0] for p in qp]
    xy = [project(lon, lat) for lon, lat in lonlat]
    # Okinawa's points are its own (it borders only the sea), so they can be moved: x' = x * zoom + shift.
    cx, cy = project(*INSET_CENTRE)
    shift = (INSET_AT[0] - cx * INSET_ZOOM, INSET_AT[1] - cy * INSET_ZOOM)
    for _, arc in qo[OKINAWA - 1]:
        for i in arc:
            x, y = project(*lonlat[i])
            xy[i] = (x * INSET_ZOOM + shift[0], y * INSET_ZOOM + shift[1])

    # Simplify each arc once: shared arcs appear in both prefectures (often reversed), keyed by their points.
    kept = set()
    done = set()
    for pref in qo:
        for _, arc in pref:
            key = tuple(arc) if arc[0] <= arc[-1] else tuple(reversed(arc))
            if key in done:
                continue
            done.add(key)
            idx = list(key)
            if idx[0] == idx[-1] and len(idx) > 2:
                # A closed ring: split it at the point farthest from its start.
                sx, sy = xy[idx[0]]
                far = max(range(len(idx)), key=lambda k: math.hypot(xy[idx[k]][0] - sx, xy[idx[k]][1] - sy))
                parts = [idx[: far + 1], idx[far:]]
            else:
                parts = [idx]
            for part in parts:
                for k in rdp([xy[i] for i in part], TOLERANCE):
                    kept.add(part[k])

    rings = []
    for pref in qo:
        ring = []
        for _, arc in pref:
            for i in arc:
                if i in kept and (not ring or ring[-1] != i):
                    ring.append(i)
        if len(ring) > 1 and ring[0] == ring[-1]:
            ring.pop()
        rings.append(ring)

    # Offset so that everything starts at the margin; rounding to 0.1 is done on absolute coordinates so that
    # shared points stay identical in both prefectures.
    min_x = min(xy[i][0] for r in rings for i in r)
    min_y = min(xy[i][1] for r in rings for i in r)
    max_x = max(xy[i][0] for r in rings for i in r)
    max_y = max(xy[i][1] for r in rings for i in r)
    off = (MARGIN - min_x, MARGIN - min_y)
    width = math.ceil(max_x - min_x + 2 * MARGIN)
    height = math.ceil(max_y - min_y + 2 * MARGIN)

    def tenth(i):
        return (round((xy[i][0] + off[0]) * 10), round((xy[i][1] + off[1]) * 10))

    def num(v):
        s = f"{v / 10:.1f}"
        s = s.rstrip("0").rstrip(".") if "." in s else s
        if s.startswith("0."):
            s = s[1:]
        elif s.startswith("-0."):
            s = "-" + s[2:]
        return s

    def pair(dx, dy):
        y = num(dy)
        sep = "" if y.startswith("-") else " "
        return num(dx) + sep + y

    # Okinawa's inset box: around its moved points.
    ok = [tenth(i) for i in rings[OKINAWA - 1]]
    box_pad = 120
    bx0 = min(p[0] for p in ok) - box_pad
    by0 = min(p[1] for p in ok) - box_pad
    bx1 = max(p[0] for p in ok) + box_pad
    by1 = max(p[1] for p in ok) + box_pad

    out = sys.stdout
    out.write("# hakusho outline of Japan: derived from japanmap 0.6.0 (Apache-2.0), see NOTICE and README.md here.\n")
    out.write("# Made by tools/map/make_outline.py; do not edit by hand.\n")
    out.write(f"size {width} {height}\n")
    out.write(f"projection lcc {LAT1} {LAT2} {LAT0} {LON0} {SCALE!r} {off[0]!r} {off[1]!r}\n")
    # The inset's transformation of points already offset: x' = x * zoom + (shift + offset * (1 - zoom)).
    sx = shift[0] + off[0] * (1 - INSET_ZOOM)
    sy = shift[1] + off[1] * (1 - INSET_ZOOM)
    out.write(f"inset {OKINAWA} {INSET_ZOOM!r} {sx!r} {sy!r} {num(bx0)} {num(by0)} {num(bx1 - bx0)} {num(by1 - by0)}\n")
    total = 0
    for code, ring in enumerate(rings, start=1):
        pts = [tenth(i) for i in ring]
        d = ["M" + num(pts[0][0]) + " " + num(pts[0][1]) + "l"]
        prev = pts[0]
        body = []
        for p in pts[1:]:
            body.append(pair(p[0] - prev[0], p[1] - prev[1]))
            prev = p
        d.append(" ".join(body).replace(" -", "-"))
        d.append("z")
        total += len(pts)
        out.write(f"{code} {''.join(d)}\n")
    print(f"{total} points, {len(kept)} kept of {len(qp)}", file=sys.stderr)


if __name__ == "__main__":
    main()
