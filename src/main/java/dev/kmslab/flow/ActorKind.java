package dev.kmslab.flow;

/** What an actor in a flow stands for; the player draws each kind with its own icon and colour. */
public enum ActorKind {
    CLIENT, KMS, HSM, STORAGE, SERVICE, CLOUDTRAIL
}
