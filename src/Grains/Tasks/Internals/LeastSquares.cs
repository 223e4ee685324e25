using System.Numerics.Tensors;
using Rtl.Numerics;

namespace Rtl.Grains.Tasks.Internals;

/// <summary>Least-squares fits as the seed computed them: sklearn's LinearRegression and numpy's polyfit.</summary>
internal static class LeastSquares
{
    /// <summary>numpy's <c>finfo(float64).eps</c> (not .NET's double.Epsilon, the smallest subnormal).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// <c>y ≈ m·x + c</c> and R² on the training data (sklearn: a constant x gives m = 0, c = mean(y); a constant
    /// y gives R² = 1 when fitted exactly, else 0; R² of a single row is NaN). NaN throughout when there are no rows.
    /// </summary>
    public static (double M, double C, double R2) Linear(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        if (n == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var meanX = Doubles.Mean(x);
        var meanY = Doubles.Mean(y);
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (y[i] - meanY);
        }

        var m = sxx == 0 ? 0 : sxy / sxx;
        var c = meanY - (m * meanX);
        double residual = 0, total = 0;
        for (var i = 0; i < n; i++)
        {
            var e = y[i] - ((m * x[i]) + c);
            var d = y[i] - meanY;
            residual += e * e;
            total += d * d;
        }

        var r2 = n < 2 ? double.NaN : total != 0 ? 1 - (residual / total) : residual == 0 ? 1 : 0;
        return (m, c, r2);
    }

    /// <summary>
    /// <c>np.polyfit(x, y, degree)</c>: coefficients highest power first, from the column-scaled Vandermonde
    /// matrix solved by SVD with numpy's cutoff (singular values below n·eps·σmax count as 0), so a
    /// rank-deficient fit gives numpy's minimum-norm answer. NaN when there are no rows or a value is not finite.
    /// </summary>
    public static double[] Polynomial(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int degree)
    {
        var order = degree + 1;
        var n = x.Length;
        var coefficients = new double[order];
        if (n == 0 || !AllFinite(x) || !AllFinite(y))
        {
            Array.Fill(coefficients, double.NaN);
            return coefficients;
        }

        // Vandermonde columns x^degree … x^0 (powers by repeated products, as numpy's vander), each then
        // scaled to unit norm as polyfit does.
        var a = new double[order][];
        a[degree] = new double[n];
        Array.Fill(a[degree], 1.0);
        for (var j = degree - 1; j >= 0; j--)
        {
            a[j] = new double[n];
            TensorPrimitives.Multiply(a[j + 1], x, a[j]);
        }

        var scale = new double[order];
        for (var j = 0; j < order; j++)
        {
            var norm = SumOfSquaresInOrder(a[j]);
            scale[j] = norm > 0 && double.IsFinite(norm) ? Math.Sqrt(norm) : 1;
            TensorPrimitives.Divide(a[j], scale[j], a[j]);
        }

        var rhs = y.ToArray();
        if (n > order)
        {
            // Reduce the tall system to its square triangle first: the SVD then works on order×order.
            (a, rhs) = Householder(a, rhs);
        }

        var solution = MinimumNorm(a, rhs, n);
        for (var j = 0; j < order; j++)
        {
            coefficients[j] = solution[j] / scale[j];
        }

        return coefficients;
    }

    /// <summary>
    /// polyfit's <c>(lhs*lhs).sum(axis=0)</c>: down a column of a row-major matrix numpy adds row after row,
    /// so one running sum in order (the same on every CPU, unlike a vector sum).
    /// </summary>
    private static double SumOfSquaresInOrder(ReadOnlySpan<double> column)
    {
        var sum = 0.0;
        foreach (var value in column)
        {
            sum += value * value;
        }

        return sum;
    }

    /// <summary><c>np.polyval</c>: Horner's rule, highest power first.</summary>
    public static double Evaluate(double[] coefficients, double x)
    {
        double y = 0;
        foreach (var c in coefficients)
        {
            y = (y * x) + c;
        }

        return y;
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>QR by Householder reflections on columns <paramref name="a"/>: returns R (as columns, order rows) and Qᵀb's first rows.</summary>
    private static (double[][] R, double[] Rhs) Householder(double[][] a, double[] b)
    {
        var m = a.Length;
        var n = b.Length;
        for (var k = 0; k < m; k++)
        {
            var v = a[k];
            double norm = 0;
            for (var i = k; i < n; i++)
            {
                norm += v[i] * v[i];
            }

            norm = Math.Sqrt(norm);
            if (norm == 0)
            {
                continue;
            }

            var alpha = v[k] > 0 ? -norm : norm;
            var u0 = v[k] - alpha;

            // Reflector u = (u0, v[k+1..]); H = I − 2uuᵀ/uᵀu, with uᵀu = 2·norm·|u0|-ish computed directly.
            var uu = (u0 * u0) + (norm * norm) - (v[k] * v[k]);
            if (uu == 0)
            {
                continue;
            }

            for (var j = k + 1; j < m; j++)
            {
                Reflect(a[j], v, u0, uu, k, n);
            }

            Reflect(b, v, u0, uu, k, n);
            v[k] = alpha;
            for (var i = k + 1; i < n; i++)
            {
                v[i] = 0;
            }
        }

        var r = new double[m][];
        for (var j = 0; j < m; j++)
        {
            r[j] = a[j][..m];
        }

        return (r, b[..m]);
    }

    /// <summary>target −= 2·(uᵀtarget/uᵀu)·u, where u = (u0, v[k+1..n]).</summary>
    private static void Reflect(double[] target, double[] v, double u0, double uu, int k, int n)
    {
        var dot = u0 * target[k];
        for (var i = k + 1; i < n; i++)
        {
            dot += v[i] * target[i];
        }

        var f = 2 * dot / uu;
        target[k] -= f * u0;
        for (var i = k + 1; i < n; i++)
        {
            target[i] -= f * v[i];
        }
    }

    /// <summary>
    /// The minimum-norm solution of <c>A·s ≈ b</c> (A given as columns) by one-sided Jacobi SVD, zeroing
    /// singular values at or below <c>rows·eps·σmax</c> as numpy's lstsq does with polyfit's rcond.
    /// </summary>
    private static double[] MinimumNorm(double[][] a, double[] b, int rows)
    {
        var m = a.Length;
        var k = b.Length;
        var v = new double[m][];
        for (var j = 0; j < m; j++)
        {
            v[j] = new double[m];
            v[j][j] = 1;
        }

        for (var sweep = 0; sweep < 100; sweep++)
        {
            var rotated = false;
            for (var p = 0; p < m - 1; p++)
            {
                for (var q = p + 1; q < m; q++)
                {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (var i = 0; i < k; i++)
                    {
                        alpha += a[p][i] * a[p][i];
                        beta += a[q][i] * a[q][i];
                        gamma += a[p][i] * a[q][i];
                    }

                    if (gamma == 0 || Math.Abs(gamma) <= 1e-15 * Math.Sqrt(alpha * beta))
                    {
                        continue;
                    }

                    rotated = true;
                    var zeta = (beta - alpha) / (2 * gamma);
                    var t = Math.Sign(zeta == 0 ? 1 : zeta) / (Math.Abs(zeta) + Math.Sqrt(1 + (zeta * zeta)));
                    var c = 1 / Math.Sqrt(1 + (t * t));
                    var s = c * t;
                    Rotate(a[p], a[q], c, s);
                    Rotate(v[p], v[q], c, s);
                }
            }

            if (!rotated)
            {
                break;
            }
        }

        // Columns of A·V are σ_j·u_j: s = Σ (u_jᵀb / σ_j)·v_j over the singular values kept.
        var sigma = a.Select(column => Math.Sqrt(column.Sum(e => e * e))).ToArray();
        var cutoff = rows * MachineEpsilon * sigma.Max();
        var solution = new double[m];
        for (var j = 0; j < m; j++)
        {
            if (sigma[j] <= cutoff || sigma[j] == 0)
            {
                continue;
            }

            double ub = 0;
            for (var i = 0; i < k; i++)
            {
                ub += a[j][i] * b[i];
            }

            var weight = ub / (sigma[j] * sigma[j]);
            for (var r = 0; r < m; r++)
            {
                solution[r] += weight * v[j][r];
            }
        }

        return solution;
    }

    private static void Rotate(double[] p, double[] q, double c, double s)
    {
        for (var i = 0; i < p.Length; i++)
        {
            var x = p[i];
            var y = q[i];
            p[i] = (c * x) - (s * y);
            q[i] = (s * x) + (c * y);
        }
    }
}
