"""Generation: the shipped source is exactly what the proved steps print; the printed text itself."""
from __future__ import annotations

import subprocess
import sys

import pytest

from softsym.kernels.generate import GENERATED, derivations, module_source, prove_steps
from softsym.kernels.lower import LoweringError, lower_step
from softsym.kernels.spec import KERNELS, KernelSpec


def test_the_shipped_kernels_are_what_the_derivations_generate_now():
    assert GENERATED.read_text(encoding="utf-8") == module_source(prove=False), \
        "softsym/kernels/_generated.py is stale: run `softsym kernels generate`"


def test_every_kernel_step_is_proved():
    prove_steps(KERNELS, derivations(), timeout=60)        # raises UnprovedStepError naming the step


def test_log_softmax_is_printed_in_place_with_log1p_of_the_other_terms():
    text = GENERATED.read_text(encoding="utf-8")
    body = text[text.index("def log_softmax"):text.index("def logsumexp")]
    lines = [line.strip() for line in body.split("out[s]\n", 1)[1].splitlines()]
    assert lines[:8] == ["_rt.argmax(z_, out=i0)", "_rt.take(z_, i0, out=r0)", "numpy.subtract(z_, r0, out=out_)",
                         "numpy.exp(out_, out=b0)", "_rt.put(b0, i0, 0)", "_rt.row_sum(b0, out=r0)",
                         "numpy.log1p(r0, out=r0)", "numpy.subtract(out_, r0, out=out_)"]
    assert "(\"log_softmax\", proved) of the derivation stable_logsumexp_log_softmax" in body


def test_every_docstring_names_its_derivation_and_step():
    import softsym.kernels as K
    for spec in KERNELS:
        doc = getattr(K, spec.name).__doc__
        assert f'("{spec.label}", proved) of the derivation {spec.derivation}' in doc, spec.name


def test_import_softsym_kernels_does_not_import_sympy():
    out = subprocess.run([sys.executable, "-c", "import sys, softsym.kernels; print('sympy' in sys.modules)"],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_step_the_generator_cannot_print_is_refused_with_its_place():
    d = derivations()["stable_sigmoid_softplus"]
    spec = KernelSpec("sigmoid_two_branch", d.name, "sigmoid_two_branch", "elementwise", ("x",))
    with pytest.raises(LoweringError, match=r"stable_kernels.py:\d+ step 2 \(sigmoid_two_branch\).*Piecewise"):
        lower_step(spec, d.step_labelled("sigmoid_two_branch"))
