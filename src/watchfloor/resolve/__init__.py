"""Resolution: actors to canonical ids, places to GeoNames coordinates, times to intervals."""
