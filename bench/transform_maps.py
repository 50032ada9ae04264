"""Rigid/affine transform files as 3x4 matrices (LPS mm) and /usr/bin/time -v figures, for the bench scripts."""
import math
import re


def mat(n):
    return [n[0:4], n[4:8], n[8:12]]
def apply(m, p):
    return [sum(m[r][c] * p[c] for c in range(3)) + m[r][3] for r in range(3)]
def compose(a, b):  # a after b
    return [[sum(a[r][k] * b[k][c] for k in range(3)) + (a[r][3] if c == 3 else 0) for c in range(4)] for r in range(3)]
def inverse(m):
    a = [row[:3] for row in m]
    det = (a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
           + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]))
    inv = [[(a[(c + 1) % 3][(r + 1) % 3] * a[(c + 2) % 3][(r + 2) % 3]
             - a[(c + 1) % 3][(r + 2) % 3] * a[(c + 2) % 3][(r + 1) % 3]) / det for c in range(3)] for r in range(3)]
    t = [-sum(inv[r][k] * m[k][3] for k in range(3)) for r in range(3)]
    return [inv[r] + [t[r]] for r in range(3)]
def tfm_map(path):
    t = open(path).read()
    kind = re.search(r"Transform: (\S+)", t).group(1)
    par = [float(x) for x in re.search(r"\nParameters: ([^\n]*)", t).group(1).split()]
    c = [float(x) for x in re.search(r"FixedParameters: ([^\n]*)", t).group(1).split()]
    if kind.startswith("VersorRigid3DTransform"):
        x, y, z = par[0:3]
        q = math.sqrt(max(0.0, 1 - x * x - y * y - z * z))
        a = [[1 - 2 * (y * y + z * z), 2 * (x * y - z * q), 2 * (x * z + y * q)],
             [2 * (x * y + z * q), 1 - 2 * (x * x + z * z), 2 * (y * z - x * q)],
             [2 * (x * z - y * q), 2 * (y * z + x * q), 1 - 2 * (x * x + y * y)]]
        tr = par[3:6]
    elif kind.startswith("AffineTransform"):
        a = [par[0:3], par[3:6], par[6:9]]
        tr = par[9:12]
    else:
        raise SystemExit(f"{path}: unexpected transform {kind}")
    off = [c[i] + tr[i] - sum(a[i][k] * c[k] for k in range(3)) for i in range(3)]
    return [a[i] + [off[i]] for i in range(3)]
def elastix_map(path):
    t = open(path).read()
    par = [float(x) for x in re.search(r"\(TransformParameters ([^)]*)\)", t).group(1).split()]
    c = [float(x) for x in re.search(r"\(CenterOfRotationPoint ([^)]*)\)", t).group(1).split()]
    zyx = re.search(r'\(ComputeZYX "true"\)', t) is not None
    ax, ay, az = par[0:3]
    rx = [[1, 0, 0], [0, math.cos(ax), -math.sin(ax)], [0, math.sin(ax), math.cos(ax)]]
    ry = [[math.cos(ay), 0, math.sin(ay)], [0, 1, 0], [-math.sin(ay), 0, math.cos(ay)]]
    rz = [[math.cos(az), -math.sin(az), 0], [math.sin(az), math.cos(az), 0], [0, 0, 1]]
    mm = lambda a, b: [[sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)] for i in range(3)]
    r = mm(rz, mm(ry, rx)) if zyx else mm(rz, mm(rx, ry))
    tt = par[3:6]
    off = [c[i] + tt[i] - sum(r[i][k] * c[k] for k in range(3)) for i in range(3)]
    return [r[i] + [off[i]] for i in range(3)]
def wall(path):
    """Wall seconds of a /usr/bin/time -v report."""
    s = open(path).read()
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", s).group(1).split(":")
    return sum(float(x) * 60 ** i for i, x in enumerate(reversed(m)))
def cpu(path):
    """User + system seconds of a /usr/bin/time -v report."""
    s = open(path).read()
    return sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): (\S+)", s))


def rss_mib(path):
    """Peak resident memory (MiB) of a /usr/bin/time -v report."""
    s = open(path).read()
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", s).group(1)) / 1024


def both_ways(prefix, tool, i):
    """(forward, backward) maps of run i as written under prefix: Coreg's .tfm files or elastix's output folders."""
    if tool == "coreg":
        return tfm_map(f"{prefix}-coreg-fwd-{i}.tfm"), tfm_map(f"{prefix}-coreg-back-{i}.tfm")
    return (elastix_map(f"{prefix}-elastix-fwd-{i}/TransformParameters.0.txt"),
            elastix_map(f"{prefix}-elastix-back-{i}/TransformParameters.0.txt"))


def loop_errors(fwd, back, points):
    """|back(fwd(x)) - x| at each point (mm): the inverse-consistency error of a forward/backward pair."""
    loop = compose(back, fwd)
    return [math.dist(apply(loop, p), p) for p in points]
