/**
 * What the quiz pages share: page building blocks, the keyboard contract, the progress store wrapper and the
 * navigation every page asks of the section. It depends on no other quiz package.
 */
package dev.kmslab.ui.quiz.common;
