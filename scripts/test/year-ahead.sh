#!/bin/sh
# The suite again with the system clock a year ahead (libfaketime) and the tests of each
# file, and the files, in a shuffled order: no test may depend on today's date or on
# another test having run first. The seed is drawn here, outside faketime, and printed
# before and after, so a failing order can be replayed exactly:
#   TEST_SEED=<seed> npm run test:year-ahead [-- <test files>]
set -u
seed=${TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "year-ahead run: clock +365 days, shuffled with seed $seed"
FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f +365d vitest run --sequence.shuffle --sequence.seed="$seed" "$@"
status=$?
if [ "$status" -ne 0 ]; then
  echo "year-ahead run failed (shuffled with seed $seed); replay: TEST_SEED=$seed npm run test:year-ahead"
fi
exit "$status"
