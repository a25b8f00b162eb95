# newsfilter - see README.md. Targets: all check demo install clean eval deps bench
VERSION = 0.1
PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
BIN ?= bin
CC ?= cc
TOOLS = $(sort $(basename $(notdir $(wildcard cmd/*.c))))

PKGS = libcsv libpcre2-8 libutf8proc libxml-2.0
WARN = -Wall -Wextra -Wpedantic
CFLAGS ?= -O2 -g
ifeq ($(SANITIZE),1)
export BIG_MB = 8
export TINY = 100000
export NF_SANITIZED = 1
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
override BUILD := $(BUILD)-san
override BIN := $(BIN)-san
endif
XML_CFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) $(SANFLAGS) $(XML_CFLAGS) \
	-DNF_VERSION='"$(VERSION)"' -DNF_DATADIR='"$(PREFIX)/share/newsfilter"' -Icommon -MMD -MP
LDLIBS = -lcsv -lpcre2-8 -lutf8proc -lxml2 -lm

LIB_SRC = $(wildcard common/*.c)
LIB_OBJ = $(LIB_SRC:common/%.c=$(BUILD)/common/%.o)
LIB = $(BUILD)/libnewsfilter.a
BINS = $(TOOLS:%=$(BIN)/%)
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_BINS = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%)

all: $(BINS)

$(BUILD)/common/%.o: common/%.c | $(BUILD)/common
	$(CC) $(ALL_CFLAGS) -c -o $@ $<
$(BUILD)/cmd/%.o: cmd/%.c | $(BUILD)/cmd
	$(CC) $(ALL_CFLAGS) -c -o $@ $<
$(LIB): $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $(LIB_OBJ)
$(BIN)/%: $(BUILD)/cmd/%.o $(LIB) | $(BIN)
	$(CC) $(CFLAGS) $(SANFLAGS) -o $@ $< $(LIB) $(LDLIBS)
$(BUILD)/unit/%: tests/unit/%.c $(LIB) | $(BUILD)/unit
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS)
$(BUILD)/common $(BUILD)/cmd $(BUILD)/unit $(BIN):
	mkdir -p $@

# Checks the build dependencies; installs them with apt when run as root.
DEB_PKGS = libcsv-dev libpcre2-dev libutf8proc-dev libxml2-dev mandoc pkg-config time parallel
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "missing build dependencies; run: sudo apt-get install -y$$missing" >&2; exit 1; \
	  fi; \
	fi

demo: deps
	@$(MAKE) --no-print-directory all
	@echo "== bin/clean tests/sample/page.html | bin/sentences | bin/quotes"
	@$(BIN)/clean tests/sample/page.html | $(BIN)/sentences | $(BIN)/quotes
	@echo "== bin/clean tests/sample/page.html | bin/entities (people)"
	@$(BIN)/clean tests/sample/page.html | $(BIN)/entities | awk -F'\t' 'NR==1 || $$5=="PER"'
	@echo "== bin/clean tests/sample/page.html | bin/stance -t 'Riverton building a tram line'"
	@$(BIN)/clean tests/sample/page.html | $(BIN)/stance -t 'Riverton building a tram line'

check: deps
	@$(MAKE) --no-print-directory all $(UNIT_BINS)
	BIN=$(BIN) BUILD=$(BUILD) prove -f tests/unit.t tests/golden.t tests/man.t tests/bad.t tests/parallel.t

eval: all
	@sh eval/run.sh

bench: all
	@sh bench/run.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/newsfilter
	install -m 755 $(BINS) $(DESTDIR)$(PREFIX)/bin
	install -m 644 man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 man/*.5 $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 644 data/*.tsv $(DESTDIR)$(PREFIX)/share/newsfilter

clean:
	rm -rf build build-san build-fuzz bin bin-san

# libFuzzer harnesses (clang): make fuzz FUZZ_SECONDS=600 runs each for that long, seeded from
# the golden cases; crashes are left as crash-* files in build-fuzz/.
FUZZ_SECONDS ?= 60
FUZZ_SRC = $(wildcard tests/fuzz/*.c)
FUZZ_BINS = $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_FLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 $(XML_CFLAGS) -Icommon -fsanitize=fuzzer-no-link,address,undefined
build-fuzz/lib.a: $(LIB_SRC) $(wildcard common/*.h)
	mkdir -p build-fuzz/o
	cd build-fuzz/o && for f in $(LIB_SRC:%=../../%); do clang $(FUZZ_FLAGS) -I../../common $(XML_CFLAGS) -c $$f || exit 1; done
	rm -f $@ && ar rcs $@ build-fuzz/o/*.o
build-fuzz/%: tests/fuzz/%.c build-fuzz/lib.a
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< build-fuzz/lib.a $(LDLIBS)
fuzz: $(FUZZ_BINS)
	@for f in $(FUZZ_BINS); do \
	  mkdir -p $$f.corpus; find tests/cases tests/sample -type f -name 'in' -o -type f -name '*.html' | \
	    while read -r s; do cp "$$s" "$$f.corpus/$$(echo "$$s" | tr / _)"; done; \
	  echo "== $$f for $(FUZZ_SECONDS) s"; \
	  (cd build-fuzz && NEWSFILTER_DATA=$(CURDIR)/data ./$$(basename $$f) -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=65536 -rss_limit_mb=4096 $$(basename $$f).corpus 2>&1 | tail -3); \
	done; \
	if ls build-fuzz/crash-* build-fuzz/leak-* build-fuzz/timeout-* 2>/dev/null; then echo "fuzz: inputs that failed are above"; exit 1; fi

# valgrind over the golden cases: every tool run is checked for leaks and invalid accesses.
valgrind: all
	VALGRIND=1 BIN=$(BIN) prove -f tests/golden.t

.PHONY: all check demo deps eval bench install clean fuzz valgrind
.PRECIOUS: $(BUILD)/cmd/%.o
-include $(LIB_OBJ:.o=.d) $(TOOLS:%=$(BUILD)/cmd/%.d)
