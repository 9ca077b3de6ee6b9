#!/usr/bin/env python3
"""Independent reference figures for ScoringKnownValuesTests.cs (standard library only).

The score interval here does NOT use Tango's closed form: the restricted maximum-likelihood detractor share is
found by numerically maximising the trinomial log-likelihood (golden-section search), and the bounds by
bisection on the score statistic. Run it to regenerate the C# table: python3 reference_values.py
"""
import math
from statistics import NormalDist

TRIPLES = [(10, 20, 30), (0, 0, 10), (5, 5, 5), (1, 2, 3), (50, 30, 20), (100, 200, 700), (3, 0, 0),
           (0, 10, 0), (12, 25, 63), (40, 10, 50), (7, 13, 2), (250, 500, 250)]
LEVELS = [0.90, 0.95, 0.99]


def z_of(level):
    return NormalDist().inv_cdf(0.5 + level / 2)


def wald(d, pa, p, level):
    n = d + pa + p
    ps, ds = p / n, d / n
    c = ps - ds
    h = z_of(level) * math.sqrt(max(0.0, ps + ds - c * c) / n)
    return max(-1, c - h) * 100, min(1, c + h) * 100


def adjusted_wald(d, pa, p, level):
    n = d + pa + p + 3
    ps, ds = (p + 0.75) / n, (d + 0.75) / n
    c = ps - ds
    h = z_of(level) * math.sqrt((ps + ds - c * c) / n)
    return max(-1, c - h) * 100, min(1, c + h) * 100


def restricted_q(d, pa, p, delta):
    """Maximise c*log q + b*log(q+delta) + m*log(1-2q-delta) over the feasible q."""
    lo, hi = max(0.0, -delta), (1 - delta) / 2
    if hi - lo < 1e-15:
        return lo

    def ll(q):
        total = 0.0
        for count, prob in ((d, q), (p, q + delta), (pa, 1 - 2 * q - delta)):
            if count > 0:
                if prob <= 0:
                    return -math.inf
                total += count * math.log(prob)
        return total

    g = (math.sqrt(5) - 1) / 2
    a, b = lo, hi
    for _ in range(300):
        x1, x2 = b - g * (b - a), a + g * (b - a)
        if ll(x1) < ll(x2):
            a = x1
        else:
            b = x2
    return (a + b) / 2


def score_stat(d, pa, p, delta):
    n = d + pa + p
    q = restricted_q(d, pa, p, delta)
    var = 2 * q + delta - delta * delta
    num = p - d - n * delta
    if var <= 1e-300:
        return 0.0 if num == 0 else math.copysign(math.inf, num)
    return num / math.sqrt(n * var)


def score(d, pa, p, level):
    n = d + pa + p
    z = z_of(level)
    est = (p - d) / n

    def bound(lower):
        target = z if lower else -z
        inside, outside = est, (-1.0 if lower else 1.0)
        end = score_stat(d, pa, p, outside)
        if (end <= target) if lower else (end >= target):
            return outside
        for _ in range(200):
            mid = (inside + outside) / 2
            s = score_stat(d, pa, p, mid)
            if (s > target) if lower else (s < target):
                outside = mid
            else:
                inside = mid
        return (inside + outside) / 2

    return bound(True) * 100, bound(False) * 100


def var(d, pa, p):
    n = d + pa + p
    ps, ds = p / n, d / n
    return ps + ds - (ps - ds) ** 2


def compare(a, b, level=0.95):
    na, nb = sum(a), sum(b)
    sa, sb = 100 * (a[2] - a[0]) / na, 100 * (b[2] - b[0]) / nb
    se = 100 * math.sqrt(var(*a) / na + var(*b) / nb)
    zz = (sa - sb) / se
    pv = 2 * (1 - NormalDist().cdf(abs(zz)))
    h = z_of(level) * se
    return sa - sb, se, pv, sa - sb - h, sa - sb + h


if __name__ == "__main__":
    print("// detractors, passives, promoters, level, method, lower, upper")
    for (d, pa, p) in TRIPLES:
        for level in LEVELS:
            for name, f in (("Wald", wald), ("AdjustedWald", adjusted_wald), ("Score", score)):
                lo, hi = f(d, pa, p, level)
                print(f"{{ {d}, {pa}, {p}, {level}, IntervalMethod.{name}, {lo!r}, {hi!r} }},")
    print("// comparisons: a (d, pa, p), b (d, pa, p) -> difference, se, p-value, lower, upper at 95 %")
    for a, b in (((10, 20, 30), (20, 20, 20)), ((50, 30, 20), (40, 10, 50)), ((12, 25, 63), (7, 13, 2)),
                 ((100, 200, 700), (250, 500, 250))):
        print(a, b, ["%r" % v for v in compare(a, b)])
    print("// sample sizes")
    z = z_of(0.95)
    for m in (5, 10, 3):
        print("margin", m, math.ceil(z * z / (m / 100) ** 2 - 1e-9))
    pv = 0.5 + 0.1 - (0.5 - 0.1) ** 2
    print("margin 5 with p=.5 d=.1", math.ceil(z * z * pv / 0.05 ** 2 - 1e-9))
    zb = NormalDist().inv_cdf(0.8)
    for delta in (10, 20):
        print("per group", delta, math.ceil((z + zb) ** 2 * 2 / (delta / 100) ** 2 - 1e-9))
