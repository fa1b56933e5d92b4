# verify-photos: see README.md. `make run` and `make test` do all set-up on a fresh Debian machine.
PREFIX ?= /usr/local
SWIFT ?= swift
DEBIAN_PACKAGES = libexif-dev libjpeg62-turbo-dev zlib1g-dev libsqlite3-dev libssl-dev libheif-dev libxxhash-dev libxlsxwriter-dev libtesseract-dev tesseract-ocr-eng tesseract-ocr-ind pkg-config chromium
RELEASE_BIN = .build/release/verify-photos
SHARED = ../shared

.PHONY: all deps build run test check-shared install uninstall fixtures boundaries holidays fuzz sanitize bench bench-deps clean

all: build

# Installs the C libraries (and pkg-config) when they are missing.
deps:
	@missing=""; \
	for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product verify-photos

# Verifies the committed fixtures with the embedded Bangka Barat boundary. Exit status 0 when
# the run itself worked (1 only means some photos were flagged, which the fixtures are for).
run: build
	@$(RELEASE_BIN) Fixtures/; status=$$?; \
	if [ $$status -le 1 ]; then echo "make run: finished (verify-photos exit status $$status)"; else exit $$status; fi

# The whole test suite, then the outside checks in ../shared/checks when ../shared is there
# (REQUIRE_SHARED=1, as .ci/run sets, makes its absence an error).
test: deps
	$(SWIFT) test
	@$(MAKE) --no-print-directory check-shared

check-shared: build
	@if [ -d $(SHARED)/checks ]; then \
	  python3 $(SHARED)/checks/corpus-agreement --cli $(RELEASE_BIN) && \
	  python3 $(SHARED)/checks/malformed-survival --cli $(RELEASE_BIN); \
	elif [ "$(REQUIRE_SHARED)" = "1" ]; then \
	  echo "error: $(SHARED)/checks is missing (required in CI)"; exit 1; \
	else \
	  echo "note: $(SHARED) not found beside this clone: shared corpus checks skipped"; \
	fi

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/verify-photos

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/verify-photos

# Regenerate committed files (then commit them).
fixtures:
	python3 scripts/make-fixtures.py
	@if python3 -c 'import PIL' 2>/dev/null; then python3 scripts/make-reuse-fixtures.py && python3 scripts/make-decoder-fixtures.py; \
	else echo "note: Pillow missing (pip install pillow): Fixtures/reuse/ and Fixtures/decoder/ left as committed"; fi
	@if python3 -c 'import PIL' 2>/dev/null && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then python3 scripts/make-stamp-fixtures.py; \
	else echo "note: Pillow or fonts-dejavu-core/fonts-liberation2 missing: Fixtures/stamps/ left as committed"; fi

boundaries:
	python3 scripts/embed-boundaries.py

# After editing holidays/*.csv (see holidays/README.md).
holidays:
	python3 scripts/embed-holidays.py

# Throughput, memory and geometry against ExifTool, the 64 KiB floor and shapely (README,
# "Performance"). Needs ExifTool, shapely and Pillow (for the corpora), installed here when
# missing; takes minutes.
bench: build bench-deps
	python3 scripts/bench/run.py

bench-deps:
	@command -v exiftool >/dev/null || { sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; $$sudo apt-get install -y -qq libimage-exiftool-perl; }
	@python3 -c "import shapely, numpy, PIL" 2>/dev/null || python3 -m pip install -q shapely numpy pillow

# Not part of `make test` (minutes each): see README, "Hostile input".
fuzz:
	scripts/fuzz.sh $(or $(SECONDS),60)

sanitize:
	scripts/sanitize.sh

clean:
	rm -rf .build
