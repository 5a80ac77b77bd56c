/** The custom key store operations (create, describe, connect, disconnect, update, delete) behind the facade. */
package dev.kmslab.engine.keystores;
