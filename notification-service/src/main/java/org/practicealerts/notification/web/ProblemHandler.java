package org.practicealerts.notification.web;

import org.practicealerts.support.InputProblems;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input and unexpected failures answered as RFC 9457 problem details, naming what is at fault. */
@RestControllerAdvice
public class ProblemHandler extends InputProblems {
}
