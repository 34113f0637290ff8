"""The end-to-end check: the seed's softmax regression (004 §二), trained with the generated
kernels by plain NumPy gradient descent on Fisher's iris data as SciPy ships it, against a
reference on the same split (SciPy's softmax with an explicit one-hot, and SciPy's L-BFGS)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import kernels as K

EPOCHS = 500
LEARNING_RATE = 0.5


def iris_path() -> Path:
    """``scipy/spatial/tests/data/iris.txt``: the 150 iris measurements in the canonical order."""
    import scipy
    return Path(scipy.__file__).parent / "spatial" / "tests" / "data" / "iris.txt"


def iris() -> tuple[np.ndarray, np.ndarray]:
    """Features (150, 4) and classes: the file lists setosa, versicolor, virginica, 50 rows each."""
    X = np.loadtxt(iris_path())
    if X.shape != (150, 4):
        raise ValueError(f"{iris_path()} has shape {X.shape}, expected the (150, 4) iris measurements")
    return X, np.repeat(np.arange(3), 50)


def split(X: np.ndarray, y: np.ndarray, seed: int = 4) -> tuple[np.ndarray, ...]:
    """A seeded stratified split, 2/3 train and 1/3 test; features standardized by the training set."""
    rng = np.random.default_rng(seed)
    train = np.concatenate([rng.permutation(np.flatnonzero(y == c))[:34] for c in range(3)])
    test = np.setdiff1d(np.arange(len(y)), train)
    mu, sd = X[train].mean(0), X[train].std(0)
    return (X[train] - mu) / sd, y[train], (X[test] - mu) / sd, y[test]


def gradient_descent(X: np.ndarray, y: np.ndarray, grad: Callable[[np.ndarray, np.ndarray], np.ndarray],
                     epochs: int = EPOCHS, lr: float = LEARNING_RATE) -> tuple[np.ndarray, np.ndarray]:
    """o = XW + b (004 §二's net), full-batch gradient descent on the mean cross-entropy."""
    W, b = np.zeros((X.shape[1], 3)), np.zeros(3)
    for _ in range(epochs):
        g = grad(X @ W + b, y) / len(y)
        W -= lr * X.T @ g
        b -= lr * g.sum(0)
    return W, b


@dataclass(frozen=True)
class Training:
    """Test accuracies (and final training losses) of the implementations, on the same split."""

    n_train: int
    n_test: int
    accuracy: dict[str, float]
    loss: dict[str, float]
    max_weight_difference: float


def compare() -> Training:
    """Train with softsym's kernels and with the references; report test accuracy and loss."""
    import scipy.optimize
    import scipy.special as sc
    Xtr, ytr, Xte, yte = split(*iris())

    def scipy_grad(o: np.ndarray, t: np.ndarray) -> np.ndarray:
        return sc.softmax(o, axis=1) - np.eye(3)[t]

    ours = gradient_descent(Xtr, ytr, K.cross_entropy_grad)
    ref = gradient_descent(Xtr, ytr, scipy_grad)

    def loss_and_grad(theta: np.ndarray) -> tuple[float, np.ndarray]:
        W, b = theta[:12].reshape(4, 3), theta[12:]
        o = Xtr @ W + b
        g = scipy_grad(o, ytr) / len(ytr)
        loss = float(np.mean(sc.logsumexp(o, axis=1) - o[np.arange(len(ytr)), ytr]))
        return loss, np.concatenate([(Xtr.T @ g).ravel(), g.sum(0)])
    theta = scipy.optimize.minimize(loss_and_grad, np.zeros(15), jac=True, method="L-BFGS-B",
                                    options={"maxiter": EPOCHS}).x
    lbfgs = (theta[:12].reshape(4, 3), theta[12:])
    models = {"softsym kernels (gradient descent)": ours, "scipy.special softmax − onehot (gradient descent)": ref,
              "scipy.optimize L-BFGS (same loss)": lbfgs}
    accuracy = {k: float(np.mean(np.argmax(K.softmax(Xte @ W + b), axis=1) == yte)) for k, (W, b) in models.items()}
    loss = {k: float(np.mean(K.cross_entropy(Xtr @ W + b, ytr))) for k, (W, b) in models.items()}
    return Training(len(ytr), len(yte), accuracy, loss, float(np.max(np.abs(ours[0] - ref[0]))))
