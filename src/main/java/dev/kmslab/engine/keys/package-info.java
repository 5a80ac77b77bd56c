/** Key lifecycle operations: CreateKey, DescribeKey, ListKeys, enable/disable, deletion, aliases and tags. */
package dev.kmslab.engine.keys;
