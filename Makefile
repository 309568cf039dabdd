# defernorm: generate Verilog, co-simulate it on Verilator against the golden model, report.
# `make run` is the main job, `make test` the test suite. See README.md.

MVN      ?= mvn
MVNFLAGS ?= -B -q
# defernorm targets Java 25: .ci/find-jdk picks $$JAVA_HOME or the newest JDK >= 25 under /usr/lib/jvm.
JDK      := $(shell .ci/find-jdk)
export JAVA_HOME := $(JDK)
export PATH := $(JDK)/bin:$(PATH)
# Maven 3.8's own libraries touch sun.misc.Unsafe; JDK 25 warns about it on every run.
export MAVEN_OPTS ?= --sun-misc-unsafe-memory-access=allow
JAR      := testbenches/target/defernorm.jar
SIM_PKGS := verilator iverilog yosys

.PHONY: all deps jdk build aot-cache install test user-project run verilog bench fuzz clean

all: build

## deps: make sure Verilator (and Icarus Verilog, Yosys for the independent checks) are installed.
deps:
	@missing=""; for t in verilator iverilog yosys; do command -v $$t >/dev/null 2>&1 || missing="$$missing $$t"; done; \
	if [ -z "$$missing" ]; then echo "deps: verilator, iverilog and yosys are installed ($$(verilator --version | cut -d' ' -f1-2))."; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "deps: installing$$missing with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SIM_PKGS) >/dev/null; \
	else \
	  echo "deps: missing$$missing. Install with: sudo apt-get install -y $(SIM_PKGS)"; \
	  echo "deps: without them, 'make run' uses the built-in simulator and the lint/Icarus/Yosys checks are skipped."; \
	fi

## jdk: stop with one sentence when no JDK >= 25 was found (.ci/find-jdk said how to get one).
jdk:
	@[ -n "$(JDK)" ] || { echo "make: no JDK 25 found; see the line above." >&2; exit 2; }

## build: compile everything and make the ./defernorm launcher's jar (no javadoc: it is what `make run` waits for),
## then its AOT cache.
build: jdk
	$(MVN) $(MVNFLAGS) -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true install
	@$(MAKE) --no-print-directory aot-cache

## aot-cache: record the launcher's JDK 25 AOT cache (JEP 483/514) from one training run that generates one top;
## ./defernorm uses it when it is newer than the jar. A failed training leaves no cache, not a failed build.
AOT := testbenches/target/defernorm.aot
aot-cache: jdk
	@rm -f $(AOT); out=$$(mktemp -d); \
	if DEFERNORM_JAVA_OPTS="-XX:AOTCacheOutput=$(AOT)" ./defernorm generate --op rmsnorm --variant deferred -o $$out >$$out.log 2>&1; \
	then echo "aot-cache: recorded $(AOT) ($$(du -m $(AOT) | cut -f1) MB)"; \
	else rm -f $(AOT); echo "aot-cache: training run failed, ./defernorm runs without a cache ($$out.log)"; fi; rm -rf $$out

## install: the library artifacts (hdl, accel, cosim, golden-model) with their -sources and -javadoc jars into ~/.m2.
install: jdk
	$(MVN) $(MVNFLAGS) -DskipTests install

## test: the whole suite (unit, golden-file, lint/Icarus/Yosys, differential and co-simulation tests),
## then the user project of docs/guide.md against the installed library.
test: deps jdk
	$(MVN) -B test
	$(MAKE) --no-print-directory user-project

## user-project: checks that docs/guide.md's snippets are lines of examples/user-project, installs the library
## (hdl, cosim and their parent poms; no tests, nothing recompiled after `make test`) into the local Maven
## repository, then builds and tests examples/user-project as an outside project would. It is not a module
## of this build on purpose: it stands for a user's own project.
USER_PROJECT := examples/user-project/pom.xml
user-project: deps jdk
	$(JDK)/bin/java .ci/GuideSnippets.java docs/guide.md examples/user-project
	$(MVN) $(MVNFLAGS) -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true install -pl hdl/language,cosim -am
	$(MVN) -B -f $(USER_PROJECT) test

## run: the main job: generate all 9 tops, co-simulate each against the golden model, print and write the report.
run: deps build
	./defernorm run

## verilog: generate all 9 tops (Verilog + Top.json sidecars) into rtl-out/ and lint, compile and synthesize them.
verilog: build
	./defernorm generate --all --lint

## bench: simulator, datapath, system and cold-elaboration benchmarks (results: docs/benchmarks.md, rtl-out/bench.json).
bench: deps jdk
	$(MVN) -B -Ddefernorm.excludedGroups=none -Dgroups=bench -Dsurefire.failIfNoSpecifiedTests=false test

## fuzz: differential fuzz campaign (built-in vs Verilator vs Icarus); resumes from rtl-out/fuzz/state.properties.
FUZZ_DESIGNS ?= 1000
fuzz: deps jdk
	$(MVN) $(MVNFLAGS) -pl testbenches -am package -DskipTests
	$(JDK)/bin/java -cp $(JAR) defernorm.cosim.fuzz.FuzzMain --designs $(FUZZ_DESIGNS)

clean: jdk
	$(MVN) $(MVNFLAGS) clean
	$(MVN) $(MVNFLAGS) -f $(USER_PROJECT) clean
	find rtl-out -mindepth 1 ! -name README.md ! -name .gitignore -exec rm -rf {} +
