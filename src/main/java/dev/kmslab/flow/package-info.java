/**
 * Step-by-step flows recorded from real engine calls: {@link dev.kmslab.flow.FlowRecorder} runs a
 * {@link dev.kmslab.flow.FlowCatalogue catalogue} script against a {@link dev.kmslab.engine.KmsEngine} and returns a
 * {@link dev.kmslab.flow.Flow} of {@link dev.kmslab.flow.Step steps}, each with the real bytes it carried. Simulated
 * AWS services (S3, Secrets Manager, Lambda) are actors whose KMS calls are real. Pure Java: never imports JavaFX.
 */
package dev.kmslab.flow;
