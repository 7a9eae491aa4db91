#!/usr/bin/env bash
# Installs the admin console's browser libraries from the committed lockfile (npm ci) and copies
# the files its pages load into the service's static resources (META-INF/resources/admin/vendor).
# Called by the build at generate-resources: bash vendor.sh TARGET_DIR. No bundler: the pages load
# Leaflet, Leaflet-Geoman, topojson-client and htmx as they are published.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: vendor.sh TARGET_DIR}"
work="$target/webapp"
out="$target/classes/META-INF/resources/admin/vendor"

if ! command -v npm >/dev/null 2>&1; then
  echo "vendor.sh: the admin console's browser libraries need npm (Node.js 18 or later): apt-get install nodejs npm" >&2
  exit 1
fi
mkdir -p "$work"
# npm ci again only when the lockfile changed: it deletes node_modules first.
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" || [ ! -d "$work/node_modules" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
m="$work/node_modules"
rm -rf "$out"
mkdir -p "$out/leaflet" "$out/geoman" "$out/topojson" "$out/us-atlas" "$out/htmx"
cp "$m/leaflet/dist/leaflet.js" "$m/leaflet/dist/leaflet.css" "$out/leaflet/"
cp -r "$m/leaflet/dist/images" "$out/leaflet/"
cp "$m/@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.min.js" \
   "$m/@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css" "$out/geoman/"
cp "$m/topojson-client/dist/topojson-client.min.js" "$out/topojson/"
cp "$m/us-atlas/states-10m.json" "$out/us-atlas/"
cp "$m/htmx.org/dist/htmx.min.js" "$out/htmx/"
for licence in leaflet/LICENSE @geoman-io/leaflet-geoman-free/LICENSE topojson-client/LICENSE us-atlas/LICENSE htmx.org/LICENSE; do
  name="$(echo "$licence" | tr '/@' '__')"
  [ -f "$m/$licence" ] && cp "$m/$licence" "$out/$name.txt"
done
echo "vendor.sh: admin console libraries in $out"
