using System.Runtime.CompilerServices;
using Rtl.Tasks;

// Job records in grain storage name a task's notes "Rtl.Tasks.TaskNote, Rtl.Grains.Interfaces", where the type lived
// before the SDK was split out: forwarded, those names still resolve, so stored jobs read back.
[assembly: TypeForwardedTo(typeof(TaskNote))]
