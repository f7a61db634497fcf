"""Build src/watchfloor/data/basemap_110m.json: country outlines as compact SVG paths for the dashboard's map.

Source: Natural Earth 1:110m admin-0 countries (public domain, naturalearthdata.com), as shipped inside the
geopandas 0.14.4 wheel (geopandas/datasets/naturalearth_lowres). The wheel and pyshp are downloaded with pip
into a temporary folder for this build only; neither is a dependency of watchfloor.

    python tools/build_basemap.py            # download the two wheels with pip, then build
    python tools/build_basemap.py DIR        # build from a folder holding naturalearth_lowres.shp/.dbf

Frame: equirectangular, x = lon + 180, y = 90 - lat (360x180); coordinates rounded to 0.1 degree and
consecutive duplicates dropped, which keeps the file small and the outlines recognisable at screen size.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "watchfloor" / "data" / "basemap_110m.json"
WHEELS = ("geopandas==0.14.4", "pyshp==3.1.9")
SOURCE = "Natural Earth 1:110m admin-0 countries (public domain), from geopandas 0.14.4's naturalearth_lowres"


def fetch(folder: Path) -> Path:
    """Download the wheels with pip (no install) and unpack the shapefile and pyshp into ``folder``."""
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(folder), *WHEELS], check=True)
    for wheel in folder.glob("*.whl"):
        with zipfile.ZipFile(wheel) as archive:
            for name in archive.namelist():
                if "naturalearth_lowres/" in name or name.startswith("shapefile"):
                    archive.extract(name, folder)
    sys.path.insert(0, str(folder))
    return folder / "geopandas" / "datasets" / "naturalearth_lowres"


def ring_path(points: list[tuple[float, float]]) -> str:
    """One ring as "M x y L x y ... Z" in the 360x180 frame, rounded, duplicates dropped."""
    kept: list[tuple[float, float]] = []
    for lon, lat in points:
        point = (round(lon + 180, 1), round(90 - lat, 1))
        if not kept or point != kept[-1]:
            kept.append(point)
    if len(kept) < 3:
        return ""
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in kept) + "Z"


def build(folder: Path) -> dict[str, object]:
    import shapefile  # pyshp, from the temporary folder or the environment

    reader = shapefile.Reader(str(folder / "naturalearth_lowres"))
    fields = [f[0] for f in reader.fields[1:]]
    countries = []
    for record, shape in zip(reader.records(), reader.shapes(), strict=True):
        row = dict(zip(fields, record, strict=True))
        parts = [*shape.parts, len(shape.points)]
        rings = [ring_path(shape.points[a:b]) for a, b in itertools.pairwise(parts)]
        countries.append({"iso": row.get("iso_a3"), "name": row.get("name"), "d": "".join(rings)})
    return {"source": SOURCE, "frame": "equirectangular 360x180: x = lon + 180, y = 90 - lat", "countries": countries}


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(argv[0]) if argv else fetch(Path(temporary))
        data = build(folder)
    OUT.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data['countries'])} countries, {OUT.stat().st_size} bytes")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
