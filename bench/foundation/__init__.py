"""Foundation benchmark: sign-up, login and event propagation, embedded stack vs real stack.

Everything is measured in one run and reported as figures *and* ratios between them,
because the machine is noisy: absolute milliseconds drift from run to run, ratios of
figures taken side by side drift much less. Configurations are interleaved request by
request (embedded, real, embedded, real, ...) so load changes hit all of them alike.

    uv run python bench/bench_foundation.py [--kafka 127.0.0.1:9092]
        [--mariadb-url mysql+aiomysql://mungmo:mungmo@127.0.0.1:3307/] [--n 200] [--quick]

See bench/README.md for what each figure means. Nothing here is a test: no timing is
checked, only that the requests succeed.
"""
