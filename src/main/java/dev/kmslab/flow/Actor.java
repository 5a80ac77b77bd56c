package dev.kmslab.flow;

import java.util.Objects;

/** One lane of a flow: the client application, KMS, its key material, storage, an AWS service or CloudTrail. */
public record Actor(String id, String name, ActorKind kind) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public static Actor client(String name) {
        return new Actor("client", name, ActorKind.CLIENT);
    }

    public static Actor kms() {
        return new Actor("kms", "AWS KMS", ActorKind.KMS);
    }

    public static Actor hsm() {
        return new Actor("hsm", "Key material (HSM)", ActorKind.HSM);
    }

    public static Actor storage(String id, String name) {
        return new Actor(id, name, ActorKind.STORAGE);
    }

    public static Actor service(String id, String name) {
        return new Actor(id, name, ActorKind.SERVICE);
    }

    public static Actor cloudTrail() {
        return new Actor("cloudtrail", "CloudTrail", ActorKind.CLOUDTRAIL);
    }
}
