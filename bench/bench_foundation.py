"""Foundation benchmark: sign-up, login and event propagation, embedded stack vs real stack.

    uv run python bench/bench_foundation.py [--kafka 127.0.0.1:9092]
        [--mariadb-url mysql+aiomysql://mungmo:mungmo@127.0.0.1:3307/] [--n 200] [--quick]

The code is in bench/foundation/ (options, figures, apps, tracing, round_trips, run, pipeline,
layout, report, cli); --pipeline-only runs only the commit → effect phases;
bench/README.md says what each figure means.
"""

from foundation.cli import main

if __name__ == "__main__":
    main()
