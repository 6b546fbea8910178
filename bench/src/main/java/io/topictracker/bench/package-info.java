/** Benchmarks of topic-tracker; each figure in docs/BENCHMARKS.md names the command that produced it. */
package io.topictracker.bench;
