#!/usr/bin/env bash
# Builds the one-file release artefact: `usage-sandbox` in release mode with the Swift runtime and Foundation linked
# statically, SQLite linked in from Debian's libsqlite3.a, and the OpenAPI documents and scenario library compiled in
# (the EmbedResources plugin). The result needs only the system's C library; it runs from any folder.
#
#   scripts/release.sh            # writes dist/usage-sandbox and prints its size and dynamic dependencies
#
# Needs libsqlite3-dev and zlib1g-dev (for libsqlite3.a and libz.a), g++ (libstdc++.a) and binutils.
set -euo pipefail
cd "$(dirname "$0")/.."

multiarch="$(gcc -print-multiarch)"
sqlite_archive="/usr/lib/$multiarch/libsqlite3.a"
for archive in "$sqlite_archive" "/usr/lib/$multiarch/libz.a"; do
    [ -f "$archive" ] || { echo "release.sh: $archive is missing; apt-get install libsqlite3-dev zlib1g-dev" >&2; exit 1; }
done

# GRDB's module map asks the linker for -lsqlite3, swift-nio-extras for -lz and the Swift runtime for -lstdc++. A
# search folder holding only their archives, named before the system's folders, makes the linker take libsqlite3.a,
# libz.a and libstdc++.a instead of the shared libraries; what is left is the C library and libgcc_s.
scratch="$PWD/.build-release"
static_libs="$scratch/static-libs"
mkdir -p "$static_libs"
ln -sf "$sqlite_archive" "$static_libs/libsqlite3.a"
ln -sf "/usr/lib/$multiarch/libz.a" "$static_libs/libz.a"
ln -sf "$(g++ -print-file-name=libstdc++.a)" "$static_libs/libstdc++.a"

# SwiftPM reuses its build plan while no package file changes, and then skips the BuildInfo plugin's step: without
# the plan, the plugin runs and the binary names the commit checked out now.
rm -f "$scratch/release.yaml"
swift build --scratch-path "$scratch" -c release --product usage-sandbox --static-swift-stdlib \
    -Xlinker -L"$static_libs" -Xlinker -lm

mkdir -p dist
cp "$(swift build --scratch-path "$scratch" -c release --show-bin-path)/usage-sandbox" dist/usage-sandbox
strip dist/usage-sandbox

needed="$(readelf -d dist/usage-sandbox | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
echo "dist/usage-sandbox: $(du -h dist/usage-sandbox | cut -f1), needs: $needed"
case " $needed " in
*sqlite* | *swift* | *Foundation* | *icu* | *dispatch* | *xml* | *curl* | *libz* | *stdc++*)
    echo "release.sh: the binary still needs a library the bare system lacks: $needed" >&2
    exit 1
    ;;
esac
dist/usage-sandbox --version
