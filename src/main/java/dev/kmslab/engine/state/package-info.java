/** The engine's immutable state: keys and their versions, aliases, grants, access control, custom key stores. */
package dev.kmslab.engine.state;
