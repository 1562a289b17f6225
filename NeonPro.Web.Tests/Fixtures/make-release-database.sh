#!/usr/bin/env bash
# Makes the database an install of an earlier release would have: builds that release from git history (a
# throw-away worktree), lets it create and migrate a SQLite database and fill it with the small demo set, and
# stores the file here gzipped, with the release named in the file name. PreviousReleaseUpgradeTests starts the
# current build on a copy of it. Usage: NeonPro.Web.Tests/Fixtures/make-release-database.sh COMMIT
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse --short=7 "${1:?usage: make-release-database.sh COMMIT}")
work=$(mktemp -d)
trap 'git -C "$repo" worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$repo" worktree add --detach "$work/src" "$commit" >/dev/null
# ../shared is beside the repository; the release's build may read it.
[ -e "$work/shared" ] || ln -s "$(cd "$repo/.." && pwd)/shared" "$work/shared"
(
  cd "$work/src"
  (cd wwwroot-src && npm ci --no-audit --no-fund >/dev/null && npm run build >/dev/null)
  dotnet build NeonPro.Web -nologo -v:q -p:SkipFrontEndBuild=true >/dev/null
  dotnet run --no-build --no-launch-profile --project NeonPro.Web -- seed-demo --size small \
    --NeonPro:DataFolder="$work/data" > "$work/seed.txt"
)
# One file: fold the write-ahead log into the database before copying it.
sqlite3 "$work/data/neonpro.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null 2>&1 || \
  python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.close()" "$work/data/neonpro.db"
gzip -9 -c "$work/data/neonpro.db" > "$here/release-$commit-small.db.gz"
cp "$work/data/audit-hash.key" "$here/release-$commit-audit-hash.key" 2>/dev/null || true
echo "wrote $here/release-$commit-small.db.gz"
