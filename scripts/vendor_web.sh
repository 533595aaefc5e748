#!/usr/bin/env bash
# Rebuilds the dashboard's vendored static files from npm packages (run by hand when upgrading;
# the results are committed so that the dashboard works with no internet and no node at run time):
#   - Leaflet (BSD-2-Clause)                 → src/bilan/web/static/vendor/leaflet/
#   - Natural Earth countries, 1:110m, from world-atlas (ISC; data public domain), converted
#     from TopoJSON to GeoJSON with topojson-client's topo2geo → vendor/countries-110m.geojson
set -euo pipefail

LEAFLET_VERSION=1.9.4
WORLD_ATLAS_VERSION=2.0.2
TOPOJSON_CLIENT_VERSION=3.1.0

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/src/bilan/web/static/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent \
    "leaflet@$LEAFLET_VERSION" "world-atlas@$WORLD_ATLAS_VERSION" \
    "topojson-client@$TOPOJSON_CLIENT_VERSION"

rm -rf "$DEST"
mkdir -p "$DEST/leaflet/images"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$DEST/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$DEST/leaflet/images/"
cp node_modules/leaflet/LICENSE "$DEST/leaflet/LICENSE"
node_modules/.bin/topo2geo countries="$DEST/countries-110m.geojson" \
    < node_modules/world-atlas/countries-110m.json
cp node_modules/world-atlas/LICENSE "$DEST/world-atlas.LICENSE"
cat > "$DEST/README.md" <<README
# Vendored static files (rebuilt by scripts/vendor_web.sh)

| file | package | license |
|---|---|---|
| leaflet/ | npm leaflet@$LEAFLET_VERSION | BSD-2-Clause (leaflet/LICENSE) |
| countries-110m.geojson | npm world-atlas@$WORLD_ATLAS_VERSION (Natural Earth 1:110m countries), converted with topojson-client@$TOPOJSON_CLIENT_VERSION topo2geo | ISC (world-atlas.LICENSE); Natural Earth data is in the public domain |
README
echo "vendored into $DEST"
