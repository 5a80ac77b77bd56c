/**
 * The quiz section: {@code QuizViewModel} loads the question bank and progress and moves between the pages, which
 * live in {@code home}, {@code practice}, {@code exam} and {@code review} with their own view models. Pages reach the
 * section only through the interface their package declares ({@code HomeScreens}, {@code ExamScreens},
 * {@code PracticeScreens}) or {@code common.QuizNavigation}, so no page package depends on this one.
 */
package dev.kmslab.ui.quiz;
