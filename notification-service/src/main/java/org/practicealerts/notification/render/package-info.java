/** What a message may say (Notice, Notices) and how it looks (Mustache templates, Adaptive Cards). */
package org.practicealerts.notification.render;
