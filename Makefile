# jwtool - GNU make, pkg-config, no configure step.
#   make            build build/jwtool and its OpenSSL backend
#   make demo       install what is missing, build, sign/verify/decode an example
#   make check      install what tests need, run every test (unit + Bats)
#   make check-san  the same tests under ASan+UBSan (build-san/)
#   make check-valgrind  the same tests, every jwtool and unit test program
#                   under valgrind memcheck (build/)
#   make bench      timings against floor programs, primitives and peers
#   make fuzz       each libFuzzer harness for FUZZ_TIME seconds (build-fuzz/)
#   make install    PREFIX=/usr/local DESTDIR=  (make uninstall: the same)

VERSION  = 0.1.0
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
LIBDIR  ?= $(PREFIX)/lib
DATADIR ?= $(PREFIX)/share
MANDIR  ?= $(DATADIR)/man
BACKENDDIR = $(LIBDIR)/jwtool
# Where distributions' shells look for completions.
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATADIR)/zsh/site-functions
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Wpedantic -Wshadow -Wformat=2 -Wstrict-prototypes \
           -Wmissing-prototypes -Wvla -Wwrite-strings -Wno-format-nonliteral
# pkg-config is asked when a recipe needs it, so that 'make demo' can
# install the libraries first.
CORE_CFLAGS = $(shell pkg-config --cflags libsodium libcjson)
CORE_LIBS   = $(shell pkg-config --libs libsodium libcjson)
OSSL_CFLAGS = $(shell pkg-config --cflags libcrypto)
OSSL_LIBS   = $(shell pkg-config --libs libcrypto)

B       ?= build
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -pthread $(WARN) $(CFLAGS) $(EXTRA_CFLAGS) \
             -DJWTOOL_VERSION='"$(VERSION)"' -DJWTOOL_LIBDIR='"$(BACKENDDIR)"'

# One folder per layer, includes written relative to src/ (-Isrc only).
# The command layer, src/cli/: main, option tables, shared handler code,
# cmd_*.c. The core, which unit tests and fuzzers link: base, crypto, keys,
# jose. The OpenSSL backend, src/ossl/, is a shared object of its own.
CORE_LAYERS = base crypto keys jose
CMD_SRC  = $(wildcard src/cli/*.c)
CORE_SRC = $(foreach l,$(CORE_LAYERS),$(wildcard src/$(l)/*.c))
OSSL_SRC = $(wildcard src/ossl/*.c)
CORE_OBJ = $(CORE_SRC:src/%.c=$(B)/%.o)
CMD_OBJ  = $(CMD_SRC:src/%.c=$(B)/%.o)
HDRS     = $(wildcard src/*/*.h)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/%)

all: $(B)/jwtool $(B)/jwtool-openssl.so

$(B)/jwtool: $(CMD_OBJ) $(CORE_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(CORE_LIBS) -ldl

$(B)/jwtool-openssl.so: $(OSSL_SRC) $(HDRS) $(B)/flags | $(B)
	$(CC) $(ALL_CFLAGS) $(OSSL_CFLAGS) -Isrc -fPIC -shared $(LDFLAGS) -o $@ \
	    $(OSSL_SRC) $(OSSL_LIBS)

$(B)/%.o: src/%.c $(HDRS) $(B)/flags | $(B)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CORE_CFLAGS) -Isrc -c -o $@ $<

# The compiler flags, BACKENDDIR included: a change (make install
# PREFIX=/opt after make) rebuilds what depends on them.
$(B)/flags: FORCE | $(B)
	@echo '$(CC) $(ALL_CFLAGS)' | cmp -s - $@ || \
	    echo '$(CC) $(ALL_CFLAGS)' > $@

$(B)/test_%: tests/unit/test_%.c tests/unit/tap.h $(HDRS) $(CORE_OBJ) | $(B)
	$(CC) $(ALL_CFLAGS) $(CORE_CFLAGS) -Isrc -o $@ $< $(CORE_OBJ) \
	    $(CORE_LIBS) -ldl

$(B):
	mkdir -p $(B)

units: $(UNIT_BIN) $(B)/jwtool-openssl.so

# libFuzzer harnesses (clang): make fuzz [FUZZ_TIME=seconds per harness]
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=$(B)/%)
FUZZ_FLAGS = -O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=all \
             -fsanitize=address,undefined,fuzzer-no-link
FUZZ_TIME ?= 60

$(B)/fuzz_%: tests/fuzz/fuzz_%.c $(HDRS) $(CORE_OBJ) | $(B)
	$(CC) $(ALL_CFLAGS) $(CORE_CFLAGS) -Isrc -fsanitize=fuzzer -o $@ $< \
	    $(CORE_OBJ) $(CORE_LIBS) -ldl

fuzzers: $(FUZZ_BIN) $(B)/jwtool-openssl.so

fuzz: test-deps
	$(MAKE) B=build-fuzz CC=clang CFLAGS="$(FUZZ_FLAGS)" \
	    LDFLAGS="-fsanitize=address,undefined" fuzzers
	scripts/fuzz.sh build-fuzz $(FUZZ_TIME)

# Stricter build for development: warnings are errors.
dev:
	$(MAKE) EXTRA_CFLAGS=-Werror

deps:
	scripts/install-deps.sh build

test-deps:
	scripts/install-deps.sh test

demo: deps
	$(MAKE) all
	scripts/demo.sh $(B)/jwtool

check: test-deps
	$(MAKE) all units
	tests/run.sh $(B)

SAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
            -fno-sanitize-recover=all
check-san: test-deps
	$(MAKE) B=build-san CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" \
	    all units
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1 tests/run.sh build-san

# Every unit test program and every jwtool the Bats tests run, under
# valgrind memcheck: any memory error or definite/indirect leak fails.
check-valgrind: test-deps
	$(MAKE) all units
	JWTOOL_VALGRIND=1 tests/run.sh $(B)

# Side-by-side timings against floor programs, primitives and peers.
bench:
	scripts/install-deps.sh bench
	$(MAKE) all
	bench/run.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(BACKENDDIR) \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
	    $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(B)/jwtool $(DESTDIR)$(BINDIR)/jwtool
	install -m 644 $(B)/jwtool-openssl.so \
	    $(DESTDIR)$(BACKENDDIR)/jwtool-openssl.so
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 completions/jwtool.bash $(DESTDIR)$(BASHCOMPDIR)/jwtool
	install -m 644 completions/_jwtool $(DESTDIR)$(ZSHCOMPDIR)/_jwtool
	install -m 644 completions/jwtool.fish \
	    $(DESTDIR)$(FISHCOMPDIR)/jwtool.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/jwtool \
	    $(DESTDIR)$(BACKENDDIR)/jwtool-openssl.so \
	    $(DESTDIR)$(BASHCOMPDIR)/jwtool $(DESTDIR)$(ZSHCOMPDIR)/_jwtool \
	    $(DESTDIR)$(FISHCOMPDIR)/jwtool.fish
	for m in man/*.1; do rm -f $(DESTDIR)$(MANDIR)/man1/$${m#man/}; done
	-rmdir $(DESTDIR)$(BACKENDDIR)

clean:
	rm -rf build build-san build-fuzz

.PHONY: all units fuzzers fuzz bench dev deps test-deps demo check check-san \
        check-valgrind install uninstall clean FORCE
