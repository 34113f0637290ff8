"""Time softsym's generated NumPy kernels against scipy.special, hand-written NumPy and np.copyto.

    python bench/kernels_bench.py                     # every kernel, the three shapes, float64 and float32
    python bench/kernels_bench.py --kernel softmax --dtype float32 --rounds 11

The same run as `softsym kernels bench` (see bench/KERNELS.md for what is measured and how to read it).
"""
from __future__ import annotations

import sys

from softsym.kernels.commands import kernels

if __name__ == "__main__":
    sys.exit(kernels.main(["bench", *sys.argv[1:]], prog_name="kernels_bench.py", standalone_mode=True))
