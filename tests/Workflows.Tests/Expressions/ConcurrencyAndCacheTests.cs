using System.Text.Json.Nodes;
using Inburgering.Workflows.Expressions;

namespace Inburgering.Workflows.Tests.Expressions;

public sealed class ConcurrencyAndCacheTests
{
    [Fact]
    public async Task Concurrent_evaluations_from_many_threads_are_correct()
    {
        var evaluator = Evaluators.Create();
        var failures = 0;

        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                var leeftijd = (worker * 1000) + i;
                var scope = new ExpressionScope
                {
                    Variables = new Dictionary<string, JsonNode?> { ["leeftijd"] = leeftijd },
                    Parameters = new Dictionary<string, JsonNode?> { ["factor"] = worker },
                };

                var product = evaluator.Evaluate("variables.leeftijd * parameters.factor", scope)!.GetValue<long>();
                var adult = evaluator.EvaluateCondition("variables.leeftijd >= 18", scope);
                if (product != (long)leeftijd * worker || adult != leeftijd >= 18)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        await Task.WhenAll(workers);

        Assert.Equal(0, failures);
        Assert.Equal(2, evaluator.CachedExpressionCount);
    }

    [Fact]
    public void Same_code_is_parsed_once_and_syntax_checks_share_the_cache()
    {
        var evaluator = Evaluators.Create();

        Assert.Null(evaluator.CheckSyntax("variables.leeftijd >= 18"));
        Assert.True(evaluator.EvaluateCondition("variables.leeftijd >= 18", Evaluators.Klant()));
        Assert.True(evaluator.EvaluateCondition("variables.leeftijd >= 18", Evaluators.Klant()));

        Assert.Equal(1, evaluator.CachedExpressionCount);
    }

    [Fact]
    public void Cache_stays_bounded_and_keeps_recent_expressions()
    {
        var cache = new PreparedScriptCache(100);

        for (var i = 0; i < 1000; i++)
        {
            cache.Get($"{i} + 1");
            cache.Get("variables.leeftijd >= 18");
        }

        Assert.InRange(cache.Count, 1, 100);
        var hot = cache.Get("variables.leeftijd >= 18");
        Assert.Same(hot, cache.Get("variables.leeftijd >= 18"));
    }

    [Fact]
    public void Cached_results_are_evaluated_fresh_each_time()
    {
        var evaluator = Evaluators.Create();
        var scope = new ExpressionScope { Variables = new Dictionary<string, JsonNode?> { ["n"] = 1 } };

        Assert.Equal(2L, evaluator.Evaluate("variables.n += 1; variables.n", scope)!.GetValue<long>());
        Assert.Equal(2L, evaluator.Evaluate("variables.n += 1; variables.n", scope)!.GetValue<long>());
    }
}
