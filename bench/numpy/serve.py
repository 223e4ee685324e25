"""The numpy side of the benchmark, as a long-lived worker so the runner can interleave it with Rtl.

usage: serve.py KERNEL_DATA_DIR ROOT_DIR
speaks serving.py's line protocol; keys are those of kernels.cases() and files.cases().
"""
import sys

import files
import kernels
import serving


def main():
    cases = {}
    cases.update(kernels.cases(sys.argv[1]))
    cases.update(files.cases(sys.argv[2]))
    serving.serve(cases)


if __name__ == "__main__":
    main()
