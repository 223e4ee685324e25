using Rtl.Data;
using Rtl.Pipelines;

namespace Rtl.Silo.Web;

/// <summary>
/// The body of <c>POST /api/jobs</c>: <c>{"pipeline": &lt;either JSON shape&gt; | "stored name",
/// "table": {"columns": {"name": [values…]}}}</c>, read as it streams in (<see cref="Submissions.SubmissionReader"/>).
/// Every failure is a <see cref="PipelineFormatException"/> worded like the CLI's, which the API answers with HTTP 400.
/// </summary>
public sealed record JobSubmission(Pipeline? Pipeline, string? PipelineName, Table? Table);
