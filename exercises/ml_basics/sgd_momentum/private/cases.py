"""Cases for SGD with momentum: constant and changing learning rates (step decay, warm-up), plain and
Nesterov momentum, with and without weight decay, momentum 0, T = 1 and a 2-D parameter. Weight
decay cases have parameters far from 0 so the decay term matters."""

import numpy as np

from grader.authoring import Case


def _run(rng, shape, steps, offset=0.0):
    return [rng.normal(size=shape) + offset, rng.normal(size=(steps, *shape))]


def _step_decay(steps, base=0.1):
    return base * 0.5 ** (np.arange(steps) // 3)


def visible(rng):
    return [
        Case("momentum 0.9, constant lr", _run(rng, (4,), 6) + [np.full(6, 0.05), 0.9]),
        Case("momentum 0.9, lr halved every 3 steps", _run(rng, (4,), 8) + [_step_decay(8), 0.9],
             note="the learning rate multiplies the buffer at each step"),
        Case("Nesterov, constant lr", _run(rng, (5,), 5) + [np.full(5, 0.1), 0.8], {"nesterov": True}),
    ]


def hidden(rng):
    warmup = np.minimum(1.0, (np.arange(12) + 1) / 4) * 0.2
    return [
        Case("weight decay 0.1, momentum 0.9", _run(rng, (6,), 7, offset=3.0) + [np.full(7, 0.05), 0.9],
             {"weight_decay": 0.1}),
        Case("Nesterov with weight decay and step decay", _run(rng, (3, 3), 9, offset=-2.0) + [_step_decay(9), 0.7],
             {"weight_decay": 0.05, "nesterov": True}),
        Case("Nesterov, warm-up learning rates", _run(rng, (4,), 12) + [warmup, 0.95], {"nesterov": True}),
        Case("momentum 0 is plain SGD", _run(rng, (5,), 4, offset=1.0) + [np.array([0.3, 0.1, 0.2, 0.05]), 0.0],
             {"weight_decay": 0.01}),
        Case("one step", _run(rng, (3,), 1) + [np.array([0.5]), 0.9], {"weight_decay": 0.2}),
        Case("momentum 0.5, 2-D parameter, 20 steps", _run(rng, (2, 3), 20) + [np.linspace(0.2, 0.01, 20), 0.5]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "lr-outside-buffer": ["momentum 0.9, lr halved every 3 steps", "Nesterov, warm-up learning rates",
                          "momentum 0.5, 2-D parameter, 20 steps"],
    "no-dampening": ["momentum 0.9, constant lr", "momentum 0.9, lr halved every 3 steps"],
    "nesterov": ["Nesterov, constant lr", "Nesterov with weight decay and step decay",
                 "Nesterov, warm-up learning rates"],
    "weight-decay-first": ["weight decay 0.1, momentum 0.9", "Nesterov with weight decay and step decay"],
    "plain-sgd": ["momentum 0 is plain SGD", "one step"],
    "inputs-unchanged": ["momentum 0.9, constant lr", "Nesterov, constant lr"],
}
