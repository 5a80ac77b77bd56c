/**
 * Using keys: Encrypt, Decrypt, ReEncrypt, GenerateDataKey*, GenerateRandom, Sign, Verify, MACs, key agreement and
 * data key pairs, with the checks and condition values they share ({@code KeyUseRules}).
 */
package dev.kmslab.engine.keyuse;
