package org.practicealerts.escalation.web;

import org.practicealerts.support.InputProblems;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad parameters and unexpected failures answered as RFC 9457 problem details, naming the parameter at fault. */
@RestControllerAdvice
public class ProblemHandler extends InputProblems {
}
