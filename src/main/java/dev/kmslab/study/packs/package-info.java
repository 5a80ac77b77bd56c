/**
 * Opening a question pack or a lab file handed to the app (on its command line, which is how a desktop's file
 * association and a double-click reach it): the file is recognised, validated exactly as the quiz and the Labs section
 * would load it, and copied into the data directory's {@code quizzes/} or {@code labs/} folder. No JavaFX here.
 */
package dev.kmslab.study.packs;
