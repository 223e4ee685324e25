using Rtl.Pipelines;
using Xunit;

namespace Rtl.Tests.Pipelines;

public sealed class TaskCallTests
{
    [Fact]
    public void Arguments_are_parsed_once_per_call()
    {
        var call = new TaskCall("add", """{"operations":[{"a":"x","b":1,"column":"y"}]}""");
        Assert.Same(call.Arguments, call.Arguments);
    }

    [Fact]
    public void Reading_the_arguments_leaves_equality_alone()
    {
        var read = new TaskCall("task_add", """{"operations":[]}""");
        var unread = new TaskCall("task_add", """{"operations":[]}""");
        _ = read.Arguments;
        Assert.Equal(unread, read);
        Assert.Equal(unread.GetHashCode(), read.GetHashCode());
        Assert.NotEqual(new TaskCall("add", """{"operations":[]}"""), read); // spelled differently
    }
}
