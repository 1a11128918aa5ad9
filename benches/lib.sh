# Shared by the bench scripts (sourced, from the repository root).

corpus=target/corpus

# gen NAME ARGS...: generate a corpus under target/corpus/NAME once (seeded: the same text on
# every machine).
gen() { [ -d "$corpus/$1" ] || python3 benches/gen_corpus.py --out "$corpus/$1" "${@:2}"; }

# count CMD...: the instructions the whole process executes (threads included), by callgrind.
# kader exits 1 when it finds something: that is not a failure here.
count() {
  { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null || true; } |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
