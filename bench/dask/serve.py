"""The Dask.distributed side of the benchmark's section C, as a long-lived process like bench/numpy/serve.py.

usage: serve.py ROOT_DIR
Starts a LocalCluster of 2 worker processes, one thread each (outside every timed region), and a Client that
gathers results directly from the workers; then
speaks bench/numpy/serving.py's line protocol. Each pipeline is one submitted task per Rtl stage, chained through
futures, its result gathered back to this client; every submit is pure=False, so no result is reused.
Says {"missing": ...} and exits if python3-distributed is not installed.
"""
import asyncio
import json
import logging
import os
import sys
import threading
import time

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "numpy"))

import files  # noqa: E402 - bench/numpy, found through the path added above
import serving  # noqa: E402
import stages  # noqa: E402


def pipelines(client, root):
    """dev.py (open | the other six steps) and the pair add (one stage), reading the files Rtl's silo reads."""
    folder = os.path.join(root, "files")
    dev, dev_dtype = os.path.join(folder, "dev.dat"), files.meta_dtype(folder, "dev")
    pair, pair_dtype = os.path.join(folder, "pair.dat"), files.meta_dtype(folder, "pair")

    def dev_pipeline():
        opened = client.submit(stages.open_dat, dev, dev_dtype, pure=False)
        return client.submit(files.dev_steps, opened, pure=False).result()

    def pair_add():
        return client.submit(stages.open_then, files.pair_steps, pair, pair_dtype, pure=False).result()

    def null():
        return client.submit(stages.identity, 1, pure=False).result()

    return {"dev pipeline": dev_pipeline, "pair add": pair_add, "null": null}


def threads_rate(call):
    """Calls a second from n threads calling back to back, each on the one (thread-safe) synchronous client."""
    def run(callers, seconds):
        counts = [0] * callers
        deadline = time.perf_counter() + seconds

        def caller(i):
            while time.perf_counter() < deadline:
                call()
                counts[i] += 1

        start = time.perf_counter()
        threads = [threading.Thread(target=caller, args=(i,)) for i in range(callers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return sum(counts) / (time.perf_counter() - start)
    return run


def asyncio_rate(client_class, address):
    """Calls a second from n coroutines on an asynchronous client of the same cluster (no thread hand-offs)."""
    async def measure(callers, seconds):
        async with client_class(address, asynchronous=True, direct_to_workers=True) as client:
            async def null():
                await client.submit(stages.identity, 1, pure=False)
            for _ in range(50):  # the new client's connections, outside the timed region
                await null()
            counts = [0] * callers
            deadline = time.perf_counter() + seconds

            async def caller(i):
                while time.perf_counter() < deadline:
                    await null()
                    counts[i] += 1

            start = time.perf_counter()
            await asyncio.gather(*(caller(i) for i in range(callers)))
            return sum(counts) / (time.perf_counter() - start)
    return lambda callers, seconds: asyncio.run(measure(callers, seconds))


def main():
    try:
        import distributed
    except ImportError as e:
        print(json.dumps({"missing": f"{e}: apt-get install python3-distributed"}), flush=True)
        return
    # Errors only: on a busy 2-core machine Dask warns of an unresponsive event loop every few seconds.
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                                       dashboard_address=None, silence_logs=logging.ERROR)
    # Results straight from the worker that holds them, not relayed by the scheduler: a third faster for the 24 MB one.
    client = distributed.Client(cluster, direct_to_workers=True)
    cases = pipelines(client, sys.argv[1])
    rates = {"null threads": threads_rate(cases["null"]), "null asyncio": asyncio_rate(distributed.Client, cluster.scheduler_address)}
    serving.serve(cases, rates)
    client.close()
    cluster.close()


if __name__ == "__main__":
    main()
