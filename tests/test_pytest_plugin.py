"""The pytest plugin in a scratch user repository: one passing and one failing derivation."""
from __future__ import annotations

GOOD = '''
from sympy import exp
from softsym.dsl import DerivationBuilder, Source
d = DerivationBuilder("two_class", title="t", source=Source("notes.md", "§1"))
p, q = d.symbols("p q", real=True)
d.eq(exp(p) / (exp(p) + exp(q)), 1 / (1 + exp(q - p)), why="divide by e^p", at="eq. 1")
DERIVATION = d.build()
'''
BROKEN = '''
from sympy import exp
from softsym.dsl import DerivationBuilder, Source
d = DerivationBuilder("flipped", title="t", source=Source("notes.md", "§2"))
p, q = d.symbols("p q", real=True)
d.eq(exp(p) / (exp(p) + exp(q)), 1 / (1 + exp(p - q)), why="sign flipped", at="eq. 2")
DERIVATION = d.build()
'''


def test_plugin_reports_one_pass_and_one_failure_with_the_counterexample(pytester):
    pytester.makeini("[pytest]\nsoftsym_derivations = derivations\nsoftsym_timeout = 20\n")
    (pytester.path / "derivations").mkdir()
    (pytester.path / "derivations" / "good.py").write_text(GOOD)
    (pytester.path / "derivations" / "broken.py").write_text(BROKEN)
    result = pytester.runpytest_subprocess()          # the plugin comes in through its entry point
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*broken.py:6 step 1 (notes.md §2 eq. 2)*",
                                 "*counterexample: p=*, q=*: lhs≈0.7310586, rhs≈0.2689414"])


def test_plugin_is_opt_in(pytester):
    (pytester.path / "derivations").mkdir()
    (pytester.path / "derivations" / "broken.py").write_text(BROKEN)
    result = pytester.runpytest_subprocess("derivations")
    result.assert_outcomes()
