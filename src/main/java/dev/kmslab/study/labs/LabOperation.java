package dev.kmslab.study.labs;

/**
 * One engine operation of a starting state or a solution, e.g. {@code PutKeyPolicy} with its arguments. The
 * operation names follow the AWS API where one exists ({@code CreateGrant}, {@code RotateKeyOnDemand}...); the few
 * lab operations ({@code CreatePrincipal}, {@code AttachPolicy}, {@code AdvanceClock}) are named for what they do.
 * See {@link LabSchema#OPERATIONS} for every operation and its arguments.
 */
public record LabOperation(String op, LabArgs args) {

    /** A readable one-liner for the solution view, e.g. {@code PutKeyPolicy key=orders as=root}. */
    public String describe() {
        return op + args.summary();
    }
}
