<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../companion/ui/today/readiness_card.py" line="+78"/>
        <source>Readiness</source>
        <comment>Hide what it is based on</comment>
        <translation>Readiness</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Readiness</source>
        <comment>Show what it is based on</comment>
        <translation>Readiness</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+30"/>
        <location line="+2"/>
        <location line="+10"/>
        <location line="+2"/>
        <location line="+4"/>
        <source>Readiness</source>
        <translation>Readiness</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Readiness</source>
        <comment>Because of: %s.</comment>
        <translation>Readiness</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Readiness</source>
        <comment>Not known: %s.</comment>
        <translation>Readiness</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Readiness</source>
        <comment>Readiness this morning</comment>
        <translation>Readiness</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../companion/ui/history/activity_dialog.py" line="+61"/>
        <source>Log an activity</source>
        <translation>Log an activity</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Training load note</source>
        <translation>Training load note</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Log it</source>
        <translation>Log it</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;What</source>
        <translation>&amp;What</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Finished at</source>
        <translation>&amp;Finished at</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Distance</source>
        <translation>&amp;Distance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;uration</source>
        <translation>D&amp;uration</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 is very easy, 10 is all-out.</source>
        <translation>1 is very easy, 10 is all-out.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Effort</source>
        <translation>&amp;Effort</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional, e.g. hilly, new shoes</source>
        <translation>Optional, e.g. hilly, new shoes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished at</source>
        <translation>Finished at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distance in kilometres</source>
        <translation>Distance in kilometres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration in minutes</source>
        <translation>Duration in minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effort from 1 to 10</source>
        <translation>Effort from 1 to 10</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Sleep and recovery</source>
        <translation>Sleep and recovery</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Morning of</source>
        <translation>&amp;Morning of</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Slept</source>
        <translation>&amp;Slept</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>0 is very poorly recovered, 10 is very well recovered and full of energy.</source>
        <translation>0 is very poorly recovered, 10 is very well recovered and full of energy.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How &amp;recovered do you feel? (0-10)</source>
        <translation>How &amp;recovered do you feel? (0-10)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Morning of</source>
        <translation>Morning of</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours slept</source>
        <translation>Hours slept</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How recovered you feel, 0 to 10</source>
        <translation>How recovered you feel, 0 to 10</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>0 means very poorly recovered; 10 means very well recovered and full of energy.</source>
        <translation>0 means very poorly recovered; 10 means very well recovered and full of energy.</translation>
    </message>
</context>
<context>
    <name>ActivityKind</name>
    <message>
        <location filename="../../companion/domain/activity.py" line="+44"/>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leg day</source>
        <translation>Leg day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long time on my feet</source>
        <translation>Long time on my feet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other exercise</source>
        <translation>Other exercise</translation>
    </message>
</context>
<context>
    <name>AlertRouter</name>
    <message>
        <location filename="../../companion/ui/reminders/timer_alerts.py" line="+80"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>AppActions</name>
    <message>
        <location filename="../../companion/ui/actions.py" line="+18"/>
        <source>&amp;Open Recovery Companion</source>
        <translation>&amp;Open Recovery Companion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import runs…</source>
        <translation>&amp;Import runs…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import runs from your watch&apos;s FIT, GPX or TCX files</source>
        <translation>Import runs from your watch&apos;s FIT, GPX or TCX files</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Resume reminders now</source>
        <translation>&amp;Resume reminders now</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Pause reminders</source>
        <translation>&amp;Pause reminders</translation>
    </message>
</context>
<context>
    <name>BodyMapView</name>
    <message>
        <location filename="../../companion/ui/today/body_map.py" line="+104"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mild</source>
        <translation>mild</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>moderate</source>
        <translation>moderate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>severe</source>
        <translation>severe</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+485"/>
        <source>Body map</source>
        <translation>Body map</translation>
    </message>
    <message>
        <location line="-483"/>
        <source>Front and back of both legs. Arrow keys move between regions, 1 to 9 set the soreness, 0 sets 10, Delete clears.</source>
        <translation>Front and back of both legs. Arrow keys move between regions, 1 to 9 set the soreness, 0 sets 10, Delete clears.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The regions this step works, highlighted.</source>
        <translation>The regions this step works, highlighted.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%d out of 10 (%s)</source>
        <translation>%d out of 10 (%s)</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Front</source>
        <translation>Front</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Right</source>
        <translation>Right</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>%s, %d of 10</source>
        <translation>%s, %d of 10</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>%d out of 10, %s</source>
        <translation>%d out of 10, %s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Number keys set the soreness from 0 to 10.</source>
        <translation>Number keys set the soreness from 0 to 10.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Soreness scale</source>
        <translation>Soreness scale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From 1, pale yellow, to 10, dark red. 1 to 3 mild, 4 to 6 moderate, 7 to 10 severe.</source>
        <translation>From 1, pale yellow, to 10, dark red. 1 to 3 mild, 4 to 6 moderate, 7 to 10 severe.</translation>
    </message>
</context>
<context>
    <name>Cause</name>
    <message>
        <location filename="../../companion/domain/checkin.py" line="+33"/>
        <source>A run</source>
        <translation>A run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leg day</source>
        <translation>Leg day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A long time on my feet</source>
        <translation>A long time on my feet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A moment of injury (twist, blow, pop)</source>
        <translation>A moment of injury (twist, blow, pop)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sure</source>
        <translation>Not sure</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../../companion/ui/charts/model.py" line="+41"/>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ice</source>
        <translation>Ice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heat</source>
        <translation>Heat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrast</source>
        <translation>Contrast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bath</source>
        <translation>Bath</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leg day</source>
        <translation>Leg day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing logged in this period.</source>
        <translation>Nothing logged in this period.</translation>
    </message>
    <message>
        <location filename="../../companion/ui/charts/bar_chart.py" line="+29"/>
        <source>Goal %s %s</source>
        <translation>Goal %s %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../companion/ui/charts/chrome.py" line="+137"/>
        <location filename="../../companion/ui/charts/line_chart.py" line="+309"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../companion/ui/charts/line_chart.py" line="-215"/>
        <source>Shaded: details on hover</source>
        <translation>Shaded: details on hover</translation>
    </message>
    <message>
        <location filename="../../companion/ui/charts/bar_chart.py" line="+52"/>
        <source>Goal met</source>
        <translation>Goal met</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Below goal</source>
        <translation>Below goal</translation>
    </message>
</context>
<context>
    <name>CompanionApp</name>
    <message>
        <location filename="../../companion/app/tray_host.py" line="+34"/>
        <source>No system tray was found on this desktop, so closing this window quits Recovery Companion and its reminders stop until you open it again.</source>
        <translation>No system tray was found on this desktop, so closing this window quits Recovery Companion and its reminders stop until you open it again.</translation>
    </message>
    <message>
        <location filename="../../companion/app/root.py" line="+231"/>
        <location filename="../../companion/app/routines.py" line="+50"/>
        <location filename="../../companion/app/today.py" line="+25"/>
        <source>Today&apos;s routine</source>
        <translation>Today&apos;s routine</translation>
    </message>
    <message>
        <location filename="../../companion/app/routines.py" line="+92"/>
        <source>No routine %r.</source>
        <translation>No routine %r.</translation>
    </message>
    <message>
        <source>Routines are locked by the safety check: %s</source>
        <translation type="vanished">Routines are locked by the safety check: %s</translation>
    </message>
    <message>
        <source>Every step of this routine is on a leg the safety check locked today.</source>
        <translation type="vanished">Every step of this routine is on a leg the safety check locked today.</translation>
    </message>
    <message>
        <location filename="../../companion/app/settings.py" line="+71"/>
        <source>Health conditions: not answered yet (asked with your first check-in).</source>
        <translation>Health conditions: not answered yet (asked with your first check-in).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Health conditions: none reported.</source>
        <translation>Health conditions: none reported.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health conditions: %s.</source>
        <translation>Health conditions: %s.</translation>
    </message>
    <message>
        <source>That reminder no longer exists.</source>
        <translation type="vanished">That reminder no longer exists.</translation>
    </message>
    <message>
        <source>“%s” stays off: %s</source>
        <translation type="vanished">“%s” stays off: %s</translation>
    </message>
    <message>
        <location filename="../../companion/app/reminders.py" line="+194"/>
        <source>Delete reminder</source>
        <translation>Delete reminder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the reminder %r? What it reminded you of stays in your history.</source>
        <translation>Delete the reminder %r? What it reminded you of stays in your history.</translation>
    </message>
    <message>
        <location filename="../../companion/app/settings.py" line="+57"/>
        <source>This is how cues will sound.</source>
        <translation>This is how cues will sound.</translation>
    </message>
    <message>
        <location filename="../../companion/app/reminders.py" line="+21"/>
        <source>Say &apos;run&apos; or &apos;leg_day&apos;.</source>
        <translation>Say &apos;run&apos; or &apos;leg_day&apos;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log it and start the cool-down</source>
        <translation>Log it and start the cool-down</translation>
    </message>
    <message>
        <location filename="../../companion/app/activity.py" line="+131"/>
        <source>Sleep and recovery</source>
        <translation>Sleep and recovery</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Three tired mornings</source>
        <translation>Three tired mornings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer the fever questions</source>
        <translation>Answer the fever questions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No fever</source>
        <translation>No fever</translation>
    </message>
    <message>
        <location filename="../../companion/app/reminders.py" line="+23"/>
        <source>Reminders added</source>
        <translation>Reminders added</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To undo, open Reminders in the window.</source>
        <translation>To undo, open Reminders in the window.</translation>
    </message>
    <message>
        <source>Removed the reminder it had added.</source>
        <translation type="vanished">Removed the reminder it had added.</translation>
    </message>
    <message>
        <source>Removed the %d reminders it had added.</source>
        <translation type="vanished">Removed the %d reminders it had added.</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Removed the %n reminder(s) it had added.</source>
        <translation>
            <numerusform>Removed the reminder it had added.</numerusform>
            <numerusform>Removed the %n reminders it had added.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Outside the usual range</source>
        <translation>Outside the usual range</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not started.</source>
        <translation>Not started.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A timer is already running; stop it first.</source>
        <translation>A timer is already running; stop it first.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Next: %s, %s</source>
        <translation>Next: %s, %s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Water today: %s of %s</source>
        <translation>Water today: %s of %s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Water today: %s</source>
        <translation>Water today: %s</translation>
    </message>
    <message>
        <source>Water today: %d of %d mL</source>
        <translation type="vanished">Water today: %d of %d mL</translation>
    </message>
    <message>
        <source>Water today: %d mL</source>
        <translation type="vanished">Water today: %d mL</translation>
    </message>
    <message>
        <location filename="../../companion/app/tray_host.py" line="+41"/>
        <source>Still running in the tray, so your reminders keep coming. Choose Quit from the tray menu to stop.</source>
        <translation>Still running in the tray, so your reminders keep coming. Choose Quit from the tray menu to stop.</translation>
    </message>
    <message>
        <location filename="../../companion/app/startup.py" line="+224"/>
        <source>Reminders off (read-only)</source>
        <translation>Reminders off (read-only)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your data file could not be read (%s), so it was moved to %s and a fresh one was started. Nothing in the old file was deleted.</source>
        <translation>Your data file could not be read (%s), so it was moved to %s and a fresh one was started. Nothing in the old file was deleted.</translation>
    </message>
    <message>
        <location filename="../../companion/app/read_only.py" line="+27"/>
        <source>Read-only mode: your data file cannot be written, so nothing you change here is saved and reminders are off. Your plan, History and export work as usual. To change things again, make the file writable (for example chmod 600) and restart the app.</source>
        <translation>Read-only mode: your data file cannot be written, so nothing you change here is saved and reminders are off. Your plan, History and export work as usual. To change things again, make the file writable (for example chmod 600) and restart the app.</translation>
    </message>
    <message>
        <location filename="../../companion/app/activity_import.py" line="+138"/>
        <location line="+37"/>
        <source>Runs cannot be imported now</source>
        <translation>Runs cannot be imported now</translation>
    </message>
    <message>
        <location line="-32"/>
        <location filename="../../companion/app/read_only.py" line="+47"/>
        <location line="+5"/>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The import stopped</source>
        <translation>The import stopped</translation>
    </message>
</context>
<context>
    <name>ContrastPreset</name>
    <message>
        <location filename="../../companion/domain/therapy_timer.py" line="+175"/>
        <source>3 min hot, 1 min cold, 3 times (12 min)</source>
        <translation>3 min hot, 1 min cold, 3 times (12 min)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>4 min hot, 1 min cold, 4 times (20 min)</source>
        <translation>4 min hot, 1 min cold, 4 times (20 min)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>3 min hot, 2 min cold, 3 times (15 min)</source>
        <translation>3 min hot, 2 min cold, 3 times (15 min)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 min hot, 1 min cold, 3 times (6 min)</source>
        <translation>1 min hot, 1 min cold, 3 times (6 min)</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <location filename="../../companion/ui/reminders/notifications.py" line="+142"/>
        <source>No notification service.</source>
        <translation>No notification service.</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>There is no D-Bus session bus.</source>
        <translation>There is no D-Bus session bus.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Internal error while sending the notification.</source>
        <translation>Internal error while sending the notification.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The notification service answered without an id.</source>
        <translation>The notification service answered without an id.</translation>
    </message>
</context>
<context>
    <name>EffortPrompt</name>
    <message>
        <location filename="../../companion/ui/today/effort_prompt.py" line="+38"/>
        <source>1 is very easy, 10 is all-out. It counts the run in your training load (minutes x effort); the watch file does not say it.</source>
        <translation>1 is very easy, 10 is all-out. It counts the run in your training load (minutes x effort); the watch file does not say it.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Effort</source>
        <translation>Effort</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%d of 10</source>
        <translation>%d of 10</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save effort</source>
        <translation>Save effort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave it out; this run is not asked again</source>
        <translation>Leave it out; this run is not asked again</translation>
    </message>
</context>
<context>
    <name>Equipment</name>
    <message>
        <location filename="../../companion/domain/equipment.py" line="+37"/>
        <source>Foam roller</source>
        <translation>Foam roller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Massage ball (or tennis ball)</source>
        <translation>Massage ball (or tennis ball)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Massage stick (or rolling pin)</source>
        <translation>Massage stick (or rolling pin)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Water bottle to freeze</source>
        <translation>Water bottle to freeze</translation>
    </message>
</context>
<context>
    <name>FinishedNotice</name>
    <message>
        <location filename="../../companion/ui/reminders/finished_notice.py" line="+29"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo: remove these reminders</source>
        <translation>Undo: remove these reminders</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dismiss notice</source>
        <translation>Dismiss notice</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reminders added</source>
        <translation>Reminders added</translation>
    </message>
</context>
<context>
    <name>GuidePage</name>
    <message>
        <location filename="../../companion/domain/guide.py" line="+42"/>
        <source>good</source>
        <translation>good</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>some</source>
        <translation>some</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>little</source>
        <translation>little</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no proven effect</source>
        <translation>no proven effect</translation>
    </message>
    <message>
        <location filename="../../companion/ui/guide/page.py" line="+246"/>
        <source>Passage text</source>
        <translation>Passage text</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>How strong the research is for what this passage describes. Good: several good studies agree. Some: small or moderate benefits, or mixed studies. Little: few or weak studies. No proven effect: studies looked and found none.</source>
        <translation>How strong the research is for what this passage describes. Good: several good studies agree. Some: small or moderate benefits, or mixed studies. Little: few or weak studies. No proven effect: studies looked and found none.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+264"/>
        <source>Chapter: %s</source>
        <translation>Chapter: %s</translation>
    </message>
    <message>
        <location line="-257"/>
        <source>Evidence: %s</source>
        <translation>Evidence: %s</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Passage: %s</source>
        <translation>Passage: %s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Previous passage: %s</source>
        <translation>Previous passage: %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next passage: %s</source>
        <translation>Next passage: %s</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>About this guide</source>
        <translation>About this guide</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Search the guide, e.g. ice bath or sleep</source>
        <translation>Search the guide, e.g. ice bath or sleep</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the guide</source>
        <translation>Search the guide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the guide (Ctrl+F)</source>
        <translation>Search the guide (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+85"/>
        <source>Chapters and passages</source>
        <translation>Chapters and passages</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>1 passage matches “%s”.</source>
        <translation>1 passage matches “%s”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%d passages match “%s”.</source>
        <translation>%d passages match “%s”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No passages match “%s”. Try fewer or shorter words.</source>
        <translation>No passages match “%s”. Try fewer or shorter words.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../companion/ui/history/page.py" line="+75"/>
        <source>Nothing to show yet</source>
        <translation>Nothing to show yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your history fills in as you check in on the Today screen, run routines, log water, ice or heat, and log your runs and leg days. Everything stays on this computer.</source>
        <translation>Your history fills in as you check in on the Today screen, run routines, log water, ice or heat, and log your runs and leg days. Everything stays on this computer.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>What you logged is shown side by side with how you felt; it does not show that one caused the other. This is general guidance, not medical advice.</source>
        <translation>What you logged is shown side by side with how you felt; it does not show that one caused the other. This is general guidance, not medical advice.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Period shown</source>
        <translation>Period shown</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Log activity…</source>
        <translation>Log activity…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log a run, a leg day or a long shift</source>
        <translation>Log a run, a leg day or a long shift</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log sleep…</source>
        <translation>Log sleep…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log last night&apos;s sleep and how recovered you feel</source>
        <translation>Log last night&apos;s sleep and how recovered you feel</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Soreness over time</source>
        <translation>Soreness over time</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Region shown</source>
        <translation>Region shown</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>By calendar day</source>
        <translation>By calendar day</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Since the activity</source>
        <translation>Since the activity</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Soreness summary</source>
        <translation>Soreness summary</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Left and right</source>
        <translation>Left and right</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>‹ Previous</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous day</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next day</source>
        <translation>Next day</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Day by day on the body map</source>
        <translation>Day by day on the body map</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Body map for the chosen day</source>
        <translation>Body map for the chosen day</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Chosen day</source>
        <translation>Chosen day</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Import runs…</source>
        <translation>Import runs…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import runs from your watch&apos;s FIT, GPX or TCX files</source>
        <translation>Import runs from your watch&apos;s FIT, GPX or TCX files</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From your watch&apos;s FIT, GPX or TCX files, or a Garmin, Strava or Google export. You can also drop them on this window.</source>
        <translation>From your watch&apos;s FIT, GPX or TCX files, or a Garmin, Strava or Google export. You can also drop them on this window.</translation>
    </message>
    <message numerus="yes">
        <location line="+193"/>
        <source>%1-%2 of %n</source>
        <translation>
            <numerusform>%1-%2 of %n</numerusform>
            <numerusform>%1-%2 of %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="-327"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+8"/>
        <location line="+281"/>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <location line="-286"/>
        <source>Replay the days</source>
        <translation>Replay the days</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Sore spells</source>
        <translation>Sore spells</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each spell starts with a run, leg day or long day and lasts until every region is back to 1 or less on movement.</source>
        <translation>Each spell starts with a run, leg day or long day and lasts until every region is back to 1 or less on movement.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show more</source>
        <translation>Show more</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What you did</source>
        <translation>What you did</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Latest routines</source>
        <translation>Latest routines</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+5"/>
        <source>Runs, leg days and mornings</source>
        <translation>Runs, leg days and mornings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>‹ Newer</source>
        <translation>‹ Newer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newer entries</source>
        <translation>Newer entries</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Older ›</source>
        <translation>Older ›</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Older entries</source>
        <translation>Older entries</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>No check-ins in this period.</source>
        <translation>No check-ins in this period.</translation>
    </message>
    <message>
        <location line="-264"/>
        <location line="+278"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No sore spells in this period.</source>
        <translation>No sore spells in this period.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Show %n more</source>
        <translation>
            <numerusform>Show %n more</numerusform>
            <numerusform>Show %n more</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Nothing logged in this period.</source>
        <translation>Nothing logged in this period.</translation>
    </message>
    <message>
        <source>Earlier entries are in the export (Settings, Your data).</source>
        <translation type="vanished">Earlier entries are in the export (Settings, Your data).</translation>
    </message>
</context>
<context>
    <name>HistoryPresenter</name>
    <message>
        <location filename="../../companion/services/history/views.py" line="+21"/>
        <source>2 weeks</source>
        <translation>2 weeks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30 days</source>
        <translation>30 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 months</source>
        <translation>3 months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 year</source>
        <translation>1 year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message numerus="yes">
        <location filename="../../companion/services/history/habits.py" line="+27"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../companion/services/history/soreness.py" line="+114"/>
        <source>Soreness 0-10</source>
        <translation>Soreness 0-10</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>On movement</source>
        <translation>On movement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At rest</source>
        <translation>At rest</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>%s, 3-day average</source>
        <translation>%s, 3-day average</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s: soreness by day</source>
        <translation>%s: soreness by day</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%s: soreness week by week</source>
        <translation>%s: soreness week by week</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s: soreness month by month</source>
        <translation>%s: soreness month by month</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No ratings for this region in this period.</source>
        <translation>No ratings for this region in this period.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%s: nothing rated in this period.</source>
        <translation>%s: nothing rated in this period.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%s: %d/10 on movement and %d/10 at rest on %s</source>
        <translation>%s: %d/10 on movement and %d/10 at rest on %s</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%s: %n point(s) apart</source>
        <translation>
            <numerusform>%s: %n point apart</numerusform>
            <numerusform>%s: %n points apart</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%s: up to %n point(s) apart</source>
        <translation>
            <numerusform>%s: up to %n point apart</numerusform>
            <numerusform>%s: up to %n points apart</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Left and right differed by %d or more points on %n day(s) (shaded). A one-sided difference with swelling is worth checking: the check-in asks about it.</source>
        <translation>
            <numerusform>Left and right differed by %d or more points on %n day (shaded). A one-sided difference with swelling is worth checking: the check-in asks about it.</numerusform>
            <numerusform>Left and right differed by %d or more points on %n days (shaded). A one-sided difference with swelling is worth checking: the check-in asks about it.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Left and right stayed within %d points of each other; latest %d left, %d right.</source>
        <translation>Left and right stayed within %d points of each other; latest %d left, %d right.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Left and right stayed within %d points of each other.</source>
        <translation>Left and right stayed within %d points of each other.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%s: left and right on movement</source>
        <translation>%s: left and right on movement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right</source>
        <translation>Right</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No sore spell of this region in this period.</source>
        <translation>No sore spell of this region in this period.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s: soreness since the activity</source>
        <translation>%s: soreness since the activity</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%s: no sore spell in this period.</source>
        <translation>%s: no sore spell in this period.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%s: hours since %s on %s</source>
        <translation>%s: hours since %s on %s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%dd</source>
        <comment>axis: whole days since the activity</comment>
        <translation>%dd</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%s, 3-point average</source>
        <translation>%s, 3-point average</translation>
    </message>
    <message>
        <location filename="../../companion/services/history/spells.py" line="+24"/>
        <source>%s: nothing sore.</source>
        <translation>%s: nothing sore.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../companion/services/history/routines.py" line="+26"/>
        <source>stopped after %d of %n step(s)</source>
        <translation>
            <numerusform>stopped after %d of %n step</numerusform>
            <numerusform>stopped after %d of %n steps</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s: %s</source>
        <translation>%s: %s</translation>
    </message>
    <message>
        <location line="+26"/>
        <location filename="../../companion/services/history/spells.py" line="+3"/>
        <source>%s and %d more</source>
        <translation>%s and %d more</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%s after the routine</source>
        <translation>%s after the routine</translation>
    </message>
    <message>
        <location filename="../../companion/services/history/spells.py" line="+4"/>
        <source>%s: %s (on movement, 0-10).</source>
        <translation>%s: %s (on movement, 0-10).</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Peak %d/10 on movement, %n hour(s) after: %s.</source>
        <translation>
            <numerusform>Peak %d/10 on movement, %n hour after: %s.</numerusform>
            <numerusform>Peak %d/10 on movement, %n hours after: %s.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Recovered (1 or less on movement) by day %d — within the usual week.</source>
        <translation>Recovered (1 or less on movement) by day %d — within the usual week.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recovered (1 or less on movement) by day %d.</source>
        <translation>Recovered (1 or less on movement) by day %d.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not back to 1 or less yet.</source>
        <translation>Not back to 1 or less yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not back to 1 or less before the next spell began.</source>
        <translation>Not back to 1 or less before the next spell began.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>felt %.1f/10 recovered on average</source>
        <translation>felt %.1f/10 recovered on average</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%d of %n night(s) logged under 7 hours</source>
        <translation>
            <numerusform>%d of %n night logged under 7 hours</numerusform>
            <numerusform>%d of %n nights logged under 7 hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>water goal on %d of %n day(s)</source>
        <translation>
            <numerusform>water goal on %d of %n day</numerusform>
            <numerusform>water goal on %d of %n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../companion/services/history/habits.py" line="+9"/>
        <source>Routines: %s in a row now; best run in this period %s.</source>
        <translation>Routines: %s in a row now; best run in this period %s.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Water goal: %s in a row now; best run in this period %s.</source>
        <translation>Water goal: %s in a row now; best run in this period %s.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n ice pack(s)</source>
        <translation>
            <numerusform>%n ice pack</numerusform>
            <numerusform>%n ice packs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../companion/services/history/grouped.py" line="+35"/>
        <source>%n ice session(s)</source>
        <translation>
            <numerusform>%n ice session</numerusform>
            <numerusform>%n ice sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n heat session(s)</source>
        <translation>
            <numerusform>%n heat session</numerusform>
            <numerusform>%n heat sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location filename="../../companion/services/history/habits.py" line="+1"/>
        <source>%n contrast session(s)</source>
        <translation>
            <numerusform>%n contrast session</numerusform>
            <numerusform>%n contrast sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n bath(s)</source>
        <translation>
            <numerusform>%n bath</numerusform>
            <numerusform>%n baths</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n leg day(s)</source>
        <translation>
            <numerusform>%n leg day</numerusform>
            <numerusform>%n leg days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n long day(s) on feet</source>
        <translation>
            <numerusform>%n long day on feet</numerusform>
            <numerusform>%n long days on feet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n routine(s)</source>
        <translation>
            <numerusform>%n routine</numerusform>
            <numerusform>%n routines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n other activity(ies)</source>
        <translation>
            <numerusform>%n other activity</numerusform>
            <numerusform>%n other activities</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>On movement, highest in the month</source>
        <translation>On movement, highest in the month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On movement, month&apos;s average</source>
        <translation>On movement, month&apos;s average</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At rest, month&apos;s average</source>
        <translation>At rest, month&apos;s average</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On movement, highest in the week</source>
        <translation>On movement, highest in the week</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On movement, week&apos;s average</source>
        <translation>On movement, week&apos;s average</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At rest, week&apos;s average</source>
        <translation>At rest, week&apos;s average</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%s: %s logged</source>
        <translation>%s: %s logged</translation>
    </message>
    <message numerus="yes">
        <location filename="../../companion/services/history/habits.py" line="+1"/>
        <source>%n cold bath(s)</source>
        <translation>
            <numerusform>%n cold bath</numerusform>
            <numerusform>%n cold baths</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n warm bath(s)</source>
        <translation>
            <numerusform>%n warm bath</numerusform>
            <numerusform>%n warm baths</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n heat pack(s)</source>
        <translation>
            <numerusform>%n heat pack</numerusform>
            <numerusform>%n heat packs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sessions: %s.</source>
        <translation>Sessions: %s.</translation>
    </message>
    <message>
        <source>Week of %s: %s mL a day on average</source>
        <translation type="vanished">Week of %s: %s mL a day on average</translation>
    </message>
    <message>
        <source>%s: %s mL a day on average</source>
        <translation type="vanished">%s: %s mL a day on average</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Water: average per day, week by week</source>
        <translation>Water: average per day, week by week</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Water: average per day, month by month</source>
        <translation>Water: average per day, month by month</translation>
    </message>
    <message>
        <source>%s: %s mL</source>
        <translation type="vanished">%s: %s mL</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Water per day</source>
        <translation>Water per day</translation>
    </message>
    <message>
        <source>%s. Goal %s mL; reached on %d of %d.</source>
        <translation type="vanished">%s. Goal %s mL; reached on %d of %d.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>%s: %s a day on average</source>
        <translation>%s: %s a day on average</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%s. Goal %s; reached on %d of %d.</source>
        <translation>%s. Goal %s; reached on %d of %d.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%s. No daily goal is set: a hydration reminder sets one.</source>
        <translation>%s. No daily goal is set: a hydration reminder sets one.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>fl oz</source>
        <translation>fl oz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mL</source>
        <translation>mL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No water logged in this period.</source>
        <translation>No water logged in this period.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>slept %s h</source>
        <translation>slept %s h</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>felt %d/10 recovered</source>
        <translation>felt %d/10 recovered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s morning · %s</source>
        <translation>%s morning · %s</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Running in the last 7 days: %s km in %n run(s).</source>
        <translation>
            <numerusform>Running in the last 7 days: %s km in %n run.</numerusform>
            <numerusform>Running in the last 7 days: %s km in %n runs.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../companion/services/history/buckets.py" line="+61"/>
        <source>Week of %s</source>
        <translation>Week of %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../companion/services/history/service.py" line="+133"/>
        <source>%n day(s) of history so far: the chart fills in as you check in.</source>
        <translation>
            <numerusform>%n day of history so far: the chart fills in as you check in.</numerusform>
            <numerusform>%n days of history so far: the chart fills in as you check in.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../companion/ui/history/import_dialog.py" line="+60"/>
        <source>Activity files and archives (%1)</source>
        <translation>Activity files and archives (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+1"/>
        <source>Import runs</source>
        <translation>Import runs</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Import runs from your watch</source>
        <translation>Import runs from your watch</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the FIT, GPX or TCX files your watch or app saved (gzipped files too), an export ZIP from Garmin or Strava, or a folder such as a Google Takeout export. A run already in your log is never added twice.</source>
        <translation>Choose the FIT, GPX or TCX files your watch or app saved (gzipped files too), an export ZIP from Garmin or Strava, or a folder such as a Google Takeout export. A run already in your log is never added twice.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>You can also drop the files on the app&apos;s window.</source>
        <translation>You can also drop the files on the app&apos;s window.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose files…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose folder…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A folder of activity files, such as a Takeout export</source>
        <translation>A folder of activity files, such as a Takeout export</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+74"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Importing your runs</source>
        <translation>Importing your runs</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import progress</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel stops after the file being read: every run imported so far stays in your log, whole.</source>
        <translation>Cancel stops after the file being read: every run imported so far stays in your log, whole.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Import more…</source>
        <translation>Import more…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>New activities in your log</source>
        <translation>New activities in your log</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Files already in your log</source>
        <translation>Files already in your log</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Files that are not an activity</source>
        <translation>Files that are not an activity</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Damaged files</source>
        <translation>Damaged files</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>About your newest run</source>
        <translation>About your newest run</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not imported, and why</source>
        <translation>Not imported, and why</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Files not imported, and why</source>
        <translation>Files not imported, and why</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose activity files</source>
        <translation>Choose activity files</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a folder of activity files</source>
        <translation>Choose a folder of activity files</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stopping after this file…</source>
        <translation>Stopping after this file…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Looking for activity files…</source>
        <translation>Looking for activity files…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Importing file %1 of %2…</source>
        <translation>Importing file %1 of %2…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing to import</source>
        <translation>Nothing to import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No FIT, GPX or TCX files were found there.</source>
        <translation>No FIT, GPX or TCX files were found there.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import cancelled</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped after %1 of %2 files. What was imported stays in your log; importing the same files again adds only what is missing.</source>
        <translation>Stopped after %1 of %2 files. What was imported stays in your log; importing the same files again adds only what is missing.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import finished</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your History and today&apos;s plan now count them.</source>
        <translation>Your History and today&apos;s plan now count them.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing new</source>
        <translation>Nothing new</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything in these files was already in your log.</source>
        <translation>Everything in these files was already in your log.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing imported</source>
        <translation>Nothing imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None of these files held an activity.</source>
        <translation>None of these files held an activity.</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <location filename="../../companion/domain/reminders/rules.py" line="+33"/>
        <source>Water</source>
        <translation>Water</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Icing</source>
        <translation>Icing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrast therapy</source>
        <translation>Contrast therapy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily routine</source>
        <translation>Daily routine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
</context>
<context>
    <name>LoadCard</name>
    <message>
        <location filename="../../companion/ui/history/load_card.py" line="+71"/>
        <source>Training load</source>
        <translation>Training load</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Load note</source>
        <translation>Load note</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Session load is minutes x effort (1-10) for each session; a session without an effort is left out, never guessed. Heart-rate load is shown apart and never added to it. There is no risk zone here.</source>
        <translation>Session load is minutes x effort (1-10) for each session; a session without an effort is left out, never guessed. Heart-rate load is shown apart and never added to it. There is no risk zone here.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Why no risk zone?</source>
        <translation>Why no risk zone?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No runs or sessions logged in these weeks.</source>
        <translation>No runs or sessions logged in these weeks.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Last 7 days (%s)</source>
        <translation>Last 7 days (%s)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../companion/ui/main_window.py" line="+110"/>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%s (Ctrl+%d)</source>
        <translation>%s (Ctrl+%d)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Reminder status</source>
        <translation>Reminder status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pause reminders</source>
        <translation>Pause reminders</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Pause or resume reminders</source>
        <translation>Pause or resume reminders</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Got it</source>
        <translation>Got it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss notice</source>
        <translation>Dismiss notice</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Drop to import your runs</source>
        <translation>Drop to import your runs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FIT, GPX or TCX files (gzipped too), an export ZIP from Garmin or Strava, or a folder such as a Google Takeout export.</source>
        <translation>FIT, GPX or TCX files (gzipped too), an export ZIP from Garmin or Strava, or a folder such as a Google Takeout export.</translation>
    </message>
</context>
<context>
    <name>MyRoutines</name>
    <message>
        <location filename="../../companion/services/routines.py" line="+112"/>
        <source>%s (copy)</source>
        <translation>%s (copy)</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/mine.py" line="+77"/>
        <source>Delete the routine “%s”? Its past runs stay in your history.</source>
        <translation>Delete the routine “%s”? Its past runs stay in your history.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not export</source>
        <translation>Could not export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s could not be written: %s</source>
        <translation>%s could not be written: %s</translation>
    </message>
    <message>
        <location filename="../../companion/services/routines.py" line="+17"/>
        <source>The file is larger than %d KB.</source>
        <translation>The file is larger than %d KB.</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/mine.py" line="+13"/>
        <location line="+7"/>
        <location line="+6"/>
        <source>Could not import</source>
        <translation>Could not import</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>%s could not be read: %s</source>
        <translation>%s could not be read: %s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%s is not a text file.</source>
        <translation>%s is not a text file.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%s was not imported: %s Nothing was changed.</source>
        <translation>%s was not imported: %s Nothing was changed.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%s” is now in your routines.</source>
        <translation>“%s” is now in your routines.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export routine</source>
        <translation>Export routine</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <source>Routine files (*.json)</source>
        <translation>Routine files (*.json)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Import a routine</source>
        <translation>Import a routine</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete routine</source>
        <translation>Delete routine</translation>
    </message>
</context>
<context>
    <name>PauseChoice</name>
    <message>
        <location filename="../../companion/domain/pause.py" line="+32"/>
        <source>For 30 minutes</source>
        <translation>For 30 minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For 1 hour</source>
        <translation>For 1 hour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until tomorrow morning</source>
        <translation>Until tomorrow morning</translation>
    </message>
</context>
<context>
    <name>PauseController</name>
    <message>
        <location filename="../../companion/ui/reminders/pause.py" line="+52"/>
        <source>Reminders on</source>
        <translation>Reminders on</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paused until %s</source>
        <translation>Paused until %s</translation>
    </message>
</context>
<context>
    <name>PhaseEnd</name>
    <message>
        <location filename="../../companion/ui/reminders/timer_panels.py" line="+90"/>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK, done that</source>
        <translation>OK, done that</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <location filename="../../companion/ui/routines/player_parts.py" line="+40"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Massage</source>
        <translation>Massage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move</source>
        <translation>Move</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Go</source>
        <translation>Go</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Get ready</source>
        <translation>Get ready</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rest</source>
        <translation>Rest</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>%s, left</source>
        <translation>%s, left</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s, right</source>
        <translation>%s, right</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s, both legs</source>
        <translation>%s, both legs</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Coming steps</source>
        <translation>Coming steps</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Coming up</source>
        <translation>Coming up</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Now: %s</source>
        <translation>Now: %s</translation>
    </message>
    <message>
        <source>Switch sides</source>
        <translation type="vanished">Switch sides</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/player_end.py" line="+48"/>
        <source>This morning: %d</source>
        <translation>This morning: %d</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: %2 out of 10</source>
        <translation>%1: %2 out of 10</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Routine summary</source>
        <translation>Routine summary</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+3"/>
        <source>What to do now</source>
        <translation>What to do now</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How do they feel now?</source>
        <translation>How do they feel now?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>0 is no soreness at all, 10 the worst you can imagine.</source>
        <translation>0 is no soreness at all, 10 the worst you can imagine.</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+34"/>
        <location filename="../../companion/ui/routines/player_parts.py" line="-180"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/player_parts.py" line="+3"/>
        <source>left</source>
        <translation>left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>right</source>
        <translation>right</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>both</source>
        <translation>both</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mini routine player</source>
        <translation>Mini routine player</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../companion/ui/routines/ring.py" line="+41"/>
        <source>Time left in this step</source>
        <translation>Time left in this step</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/player.py" line="+485"/>
        <location filename="../../companion/ui/routines/player_controls.py" line="+22"/>
        <location filename="../../companion/ui/routines/player_parts.py" line="+7"/>
        <location line="+19"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/player_controls.py" line="+1"/>
        <location filename="../../companion/ui/routines/player_end.py" line="-35"/>
        <location filename="../../companion/ui/routines/player_parts.py" line="-18"/>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/player_parts.py" line="+1"/>
        <source>Full player</source>
        <translation>Full player</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/player.py" line="-2"/>
        <location filename="../../companion/ui/routines/player_parts.py" line="+15"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location line="-355"/>
        <source>%s: Recovery Companion</source>
        <translation>%s: Recovery Companion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Routine player</source>
        <translation>Routine player</translation>
    </message>
    <message>
        <location line="+51"/>
        <location filename="../../companion/ui/routines/player_parts.py" line="-20"/>
        <source>Routine progress</source>
        <translation>Routine progress</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Left out</source>
        <translation>Left out</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Which leg</source>
        <translation>Which leg</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How to do it</source>
        <translation>How to do it</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/player_controls.py" line="-2"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mini player</source>
        <translation>Mini player</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/player.py" line="+85"/>
        <location filename="../../companion/ui/routines/player_controls.py" line="+1"/>
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/player_controls.py" line="+4"/>
        <source>Turn sounds and spoken cues off or on (M)</source>
        <translation>Turn sounds and spoken cues off or on (M)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back (Left arrow)</source>
        <translation>Back (Left arrow)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pause or resume (Space)</source>
        <translation>Pause or resume (Space)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Skip this step (Right arrow)</source>
        <translation>Skip this step (Right arrow)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop the routine (Esc)</source>
        <translation>Stop the routine (Esc)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A small window that stays on top</source>
        <translation>A small window that stays on top</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Stop at once if</source>
        <translation>Stop at once if</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something&apos;s wrong</source>
        <translation>Something&apos;s wrong</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pauses the routine and asks a few quick safety questions.</source>
        <translation>Pauses the routine and asks a few quick safety questions.</translation>
    </message>
    <message>
        <source>Ends the routine and opens the safety questions.</source>
        <translation type="vanished">Ends the routine and opens the safety questions.</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/player.py" line="-2"/>
        <source>Sound off</source>
        <translation>Sound off</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sound off, press to turn on</source>
        <translation>Sound off, press to turn on</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mute sounds</source>
        <translation>Mute sounds</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Resumed</source>
        <translation>Resumed</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+142"/>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Paused. Stop what you are doing and answer the quick check.</source>
        <translation>Paused. Stop what you are doing and answer the quick check.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Paused. Press Resume when you feel ready, or Stop to end the routine.</source>
        <translation>Paused. Press Resume when you feel ready, or Stop to end the routine.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing you ticked means stopping the routine. Rest as long as you need; press Resume to carry on gently, or Stop.</source>
        <translation>Nothing you ticked means stopping the routine. Rest as long as you need; press Resume to carry on gently, or Stop.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>How to stand or lie for %s</source>
        <translation>How to stand or lie for %s</translation>
    </message>
    <message>
        <location line="+20"/>
        <location filename="../../companion/ui/routines/player_parts.py" line="-95"/>
        <source>Switch legs</source>
        <translation>Switch legs</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Step %1 of %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The routine has stopped</source>
        <translation>The routine has stopped</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped after %1 of %2 steps</source>
        <translation>Stopped after %1 of %2 steps</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+53"/>
        <source>Routine finished. Well done.</source>
        <translation>Routine finished. Well done.</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Time: %s</source>
        <translation>Time: %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 steps · %3</source>
        <translation>%1 of %2 steps · %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Worked: %s</source>
        <translation>Worked: %s</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Routine stopped</source>
        <translation>Routine stopped</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Close the player</source>
        <translation>Close the player</translation>
    </message>
    <message>
        <source>Paused (%s)</source>
        <translation type="vanished">Paused (%s)</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>%d of %d</source>
        <translation>%d of %d</translation>
    </message>
    <message>
        <source>Breathe and relax.</source>
        <translation type="vanished">Breathe and relax.</translation>
    </message>
    <message>
        <source>Next: %s (%s)</source>
        <translation type="vanished">Next: %s (%s)</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation type="vanished">Last step</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Routine finished</source>
        <translation>Routine finished</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/player_words.py" line="+16"/>
        <source>Left leg</source>
        <translation>Left leg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Right leg</source>
        <translation>Right leg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both legs</source>
        <translation>Both legs</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+32"/>
        <source>Switch to your left leg.</source>
        <translation>Switch to your left leg.</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+31"/>
        <source>Switch to your right leg.</source>
        <translation>Switch to your right leg.</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Take your time to get into position.</source>
        <translation>Take your time to get into position.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rest: ease off a little and breathe.</source>
        <translation>Rest: ease off a little and breathe.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Get ready: %s.</source>
        <translation>Get ready: %s.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Get ready: %s on the %s.</source>
        <translation>Get ready: %s on the %s.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%s for %n second(s).</source>
        <translation>
            <numerusform>%s for %n second.</numerusform>
            <numerusform>%s for %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Switch to the %s side.</source>
        <translation type="vanished">Switch to the %s side.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Rest.</source>
        <translation>Rest.</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/player.py" line="+27"/>
        <location filename="../../companion/ui/routines/player_end.py" line="+37"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/player_check.py" line="+35"/>
        <location line="+1"/>
        <source>End the routine?</source>
        <translation>End the routine?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You have done %1 of %2 steps.</source>
        <translation>You have done %1 of %2 steps.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep going</source>
        <translation>Keep going</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End routine</source>
        <translation>End routine</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Something&apos;s wrong? A quick check</source>
        <translation>Something&apos;s wrong? A quick check</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The routine is paused. Do any of these apply right now? Tick each one that does. This is not a diagnosis: it says when to stop and get help.</source>
        <translation>The routine is paused. Do any of these apply right now? Tick each one that does. This is not a diagnosis: it says when to stop and get help.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>None of these</source>
        <translation>None of these</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Continue with what I ticked</source>
        <translation>Continue with what I ticked</translation>
    </message>
</context>
<context>
    <name>PoseView</name>
    <message>
        <location filename="../../companion/ui/routines/pose_view.py" line="+115"/>
        <source>Pose drawing</source>
        <translation>Pose drawing</translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message>
        <location filename="../../companion/domain/readiness.py" line="+66"/>
        <source>A normal day: nothing logged asks you to hold back.</source>
        <translation>A normal day: nothing logged asks you to hold back.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An easy day: keep any run short and gentle, or move another way.</source>
        <translation>An easy day: keep any run short and gentle, or move another way.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rest today: no run.</source>
        <translation>Rest today: no run.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known yet: check in or log your sleep to see today&apos;s readiness.</source>
        <translation>Not known yet: check in or log your sleep to see today&apos;s readiness.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Safety answers</source>
        <translation>Safety answers</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Soreness</source>
        <translation>Soreness</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Last night&apos;s sleep</source>
        <translation>Last night&apos;s sleep</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>How recovered you feel</source>
        <translation>How recovered you feel</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Training load</source>
        <translation>Training load</translation>
    </message>
    <message>
        <location filename="../../companion/ui/today/readiness_card.py" line="-128"/>
        <source>Readiness this morning</source>
        <translation>Readiness this morning</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A check-in aid, not a score: nothing here is added up, and a safety answer always comes first.</source>
        <translation>A check-in aid, not a score: nothing here is added up, and a safety answer always comes first.</translation>
    </message>
</context>
<context>
    <name>ReminderEditor</name>
    <message>
        <location filename="../../companion/ui/reminders/editor.py" line="+131"/>
        <source>Edit reminder</source>
        <translation>Edit reminder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New reminder</source>
        <translation>New reminder</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Safety check</source>
        <translation>Safety check</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Kind of reminder</source>
        <translation>Kind of reminder</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reminder name</source>
        <translation>Reminder name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+52"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Minutes between</source>
        <translation>Minutes between</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Every</source>
        <translation>&amp;Every</translation>
    </message>
    <message>
        <source> mL</source>
        <translation type="vanished"> mL</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Water each time</source>
        <translation>Water each time</translation>
    </message>
    <message>
        <location line="-162"/>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>What the schedule adds up to</source>
        <translation>What the schedule adds up to</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>&amp;Amount</source>
        <translation>&amp;Amount</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Daily goal</source>
        <translation>Daily goal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Daily &amp;goal</source>
        <translation>Daily &amp;goal</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Ice on for</source>
        <translation>Ice on for</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ice &amp;on for</source>
        <translation>Ice &amp;on for</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>For how many hours from the start</source>
        <translation>For how many hours from the start</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;For</source>
        <translation>&amp;For</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The icing window</source>
        <translation>The icing window</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Ice: %s, %s</source>
        <translation>Ice: %s, %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ice: %s</source>
        <translation>Ice: %s</translation>
    </message>
    <message>
        <location filename="../../companion/services/reminder_edits.py" line="+58"/>
        <source>Choose where to ice.</source>
        <translation>Choose where to ice.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose which leg to ice.</source>
        <translation>Choose which leg to ice.</translation>
    </message>
    <message>
        <location filename="../../companion/ui/reminders/editor.py" line="+102"/>
        <source>Not allowed:</source>
        <translation>Not allowed:</translation>
    </message>
    <message>
        <location filename="../../companion/ui/reminders/editor_icing.py" line="+22"/>
        <source>Left leg</source>
        <translation>Left leg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right leg</source>
        <translation>Right leg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both legs</source>
        <translation>Both legs</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Region iced</source>
        <translation>Region iced</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose where to ice…</source>
        <translation>Choose where to ice…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Which leg</source>
        <translation>Which leg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a leg…</source>
        <translation>Choose a leg…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No end: it reminds you until you switch it off.</source>
        <translation>No end: it reminds you until you switch it off.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This window ended on %s.</source>
        <translation>This window ended on %s.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From %s, when the soreness started, until %s.</source>
        <translation>From %s, when the soreness started, until %s.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From %s until %s.</source>
        <translation>From %s until %s.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%s h left.</source>
        <translation>%s h left.</translation>
    </message>
    <message>
        <location filename="../../companion/ui/reminders/editor.py" line="-161"/>
        <source>&amp;Region</source>
        <translation>&amp;Region</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Leg</source>
        <translation>&amp;Leg</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>For how many hours</source>
        <translation type="vanished">For how many hours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no end</source>
        <translation>no end</translation>
    </message>
    <message>
        <source>For the next</source>
        <translation type="vanished">For the next</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Time of day</source>
        <translation>Time of day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;At</source>
        <translation>&amp;At</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Routine</source>
        <translation>&amp;Routine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Message</source>
        <translation>&amp;Message</translation>
    </message>
    <message>
        <source>Not allowed: %s</source>
        <translation type="vanished">Not allowed: %s</translation>
    </message>
    <message>
        <location line="+187"/>
        <source>Within the usual, safe range.</source>
        <translation>Within the usual, safe range.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>About %s over your waking day</source>
        <translation>About %s over your waking day</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, %s with your other water reminders</source>
        <translation>, %s with your other water reminders</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; your goal is %s.</source>
        <translation>; your goal is %s.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Outside the usual range</source>
        <translation>Outside the usual range</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <location filename="../../companion/ui/reminders/center.py" line="+67"/>
        <source>today %s</source>
        <translation>today %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tomorrow %s</source>
        <translation>tomorrow %s</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Reminder: Recovery Companion</source>
        <translation>Reminder: Recovery Companion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <location line="+305"/>
        <source>Take the ice off now</source>
        <translation>Take the ice off now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the skin: it should be pink and cool, not white, grey or numb.</source>
        <translation>Check the skin: it should be pink and cool, not white, grey or numb.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ice is off</source>
        <translation>Ice is off</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>This stands in for %n earlier reminder(s) missed while the app was closed or the computer asleep.</source>
        <translation>
            <numerusform>This stands in for %n earlier reminder missed while the app was closed or the computer asleep.</numerusform>
            <numerusform>This stands in for %n earlier reminders missed while the app was closed or the computer asleep.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>Ice on for %n minute(s), wrapped in a thin damp cloth. Done starts the timer; you will be told when to take it off.</source>
        <translation>
            <numerusform>Ice on for %n minute, wrapped in a thin damp cloth. Done starts the timer; you will be told when to take it off.</numerusform>
            <numerusform>Ice on for %n minutes, wrapped in a thin damp cloth. Done starts the timer; you will be told when to take it off.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Missed reminders</source>
        <translation>Missed reminders</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Got it</source>
        <translation>Got it</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Snooze %d min</source>
        <translation>Snooze %d min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Time for about %s of water.</source>
        <translation>Time for about %s of water.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You are about %s behind today&apos;s pace.</source>
        <translation>You are about %s behind today&apos;s pace.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Time for your contrast session: hot and cold water, ending on cold.</source>
        <translation>Time for your contrast session: hot and cold water, ending on cold.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time for your routine. Done starts it now.</source>
        <translation>Time for your routine. Done starts it now.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../companion/services/reminders.py" line="+129"/>
        <source>%n water reminder(s)</source>
        <translation>
            <numerusform>%n water reminder</numerusform>
            <numerusform>%n water reminders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n icing reminder(s)</source>
        <translation>
            <numerusform>%n icing reminder</numerusform>
            <numerusform>%n icing reminders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n contrast reminder(s)</source>
        <translation>
            <numerusform>%n contrast reminder</numerusform>
            <numerusform>%n contrast reminders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n routine reminder(s)</source>
        <translation>
            <numerusform>%n routine reminder</numerusform>
            <numerusform>%n routine reminders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n other reminder(s)</source>
        <translation>
            <numerusform>%n other reminder</numerusform>
            <numerusform>%n other reminders</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>tomorrow at %s</source>
        <translation>tomorrow at %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on %s at %s</source>
        <translation>on %s at %s</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>That reminder no longer exists.</source>
        <translation>That reminder no longer exists.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%s” stays off: %s</source>
        <translation>“%s” stays off: %s</translation>
    </message>
    <message>
        <location line="+30"/>
        <source> and </source>
        <translation> and </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>water at %s</source>
        <translation>water at %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a check-in %s</source>
        <translation>a check-in %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check-ins %s</source>
        <translation>check-ins %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reminders at %s</source>
        <translation>reminders at %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No reminders added.</source>
        <translation>No reminders added.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added: %s.</source>
        <translation>Added: %s.</translation>
    </message>
    <message>
        <location line="+245"/>
        <source>%s and %s</source>
        <translation>%s and %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>While you were away: %s.</source>
        <translation>While you were away: %s.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next: %s at %s.</source>
        <translation>Next: %s at %s.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next: %s %s.</source>
        <translation>Next: %s %s.</translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <location filename="../../companion/ui/reminders/page.py" line="+45"/>
        <location line="+383"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location line="-382"/>
        <location line="+383"/>
        <source>snoozed</source>
        <translation>snoozed</translation>
    </message>
    <message>
        <location line="-382"/>
        <location line="+383"/>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <location line="-382"/>
        <source>quiet: you had just drunk</source>
        <translation>quiet: you had just drunk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>held back</source>
        <translation>held back</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ice pack</source>
        <translation>Ice pack</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ice 10 on, 10 off, 10 on</source>
        <translation>Ice 10 on, 10 off, 10 on</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+285"/>
        <source>Contrast therapy</source>
        <translation>Contrast therapy</translation>
    </message>
    <message>
        <location line="-284"/>
        <source>Cold-water soak</source>
        <translation>Cold-water soak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm bath</source>
        <translation>Warm bath</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heat pack</source>
        <translation>Heat pack</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+4"/>
        <source>Reminder status</source>
        <translation>Reminder status</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Pause reminders</source>
        <translation>Pause reminders</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Waking hours</source>
        <translation>Waking hours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change waking hours in Settings</source>
        <translation>Change waking hours in Settings</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Snooze for</source>
        <translation>Snooze for</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+87"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Snooze for how many minutes</source>
        <translation>Snooze for how many minutes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Just finished:</source>
        <translation>Just finished:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A &amp;run</source>
        <translation>A &amp;run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Leg day</source>
        <translation>&amp;Leg day</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Starts the cool-down now and sets water and check-in reminders</source>
        <translation>Starts the cool-down now and sets water and check-in reminders</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Awake %s: no reminders outside these hours.</source>
        <translation>Awake %s: no reminders outside these hours.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Water today</source>
        <translation>Water today</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Water today against the goal</source>
        <translation>Water today against the goal</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Therapy timers</source>
        <translation>Therapy timers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ice, heat, contrast or a bath now, timed phase by phase with a skin check every five minutes. A quick safety check comes first.</source>
        <translation>Ice, heat, contrast or a bath now, timed phase by phase with a skin check every five minutes. A quick safety check comes first.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Which timer</source>
        <translation>Which timer</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Water temperature</source>
        <translation>Water temperature</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contrast pattern</source>
        <translation>Contrast pattern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start &amp;timer</source>
        <translation>Start &amp;timer</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Your reminders</source>
        <translation>Your reminders</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No reminders yet. Add one for water through your waking day, for icing a sore spot on and off, for contrast therapy or for your daily routine.</source>
        <translation>No reminders yet. Add one for water through your waking day, for icing a sore spot on and off, for contrast therapy or for your daily routine.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Why the reminder stayed off</source>
        <translation>Why the reminder stayed off</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show finished reminders</source>
        <translation>Show finished reminders</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add &amp;water reminder</source>
        <translation>Add &amp;water reminder</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add another kind</source>
        <translation>&amp;Add another kind</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add another kind of reminder</source>
        <translation>Add another kind of reminder</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Icing on and off</source>
        <translation>Icing on and off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily routine</source>
        <translation>Daily routine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something else</source>
        <translation>Something else</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last seven days</source>
        <translation>The last seven days</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Today&apos;s reminders</source>
        <translation>Today&apos;s reminders</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Next: %s, %s</source>
        <translation>Next: %s, %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing is due.</source>
        <translation>Nothing is due.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%s of %s</source>
        <translation>%s of %s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%s today, no goal</source>
        <translation>%s today, no goal</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>+ %s</source>
        <translation>+ %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log %s of water</source>
        <translation>Log %s of water</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No reminders answered in the last seven days yet.</source>
        <translation>No reminders answered in the last seven days yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last seven days: %s.</source>
        <translation>Last seven days: %s.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Show finished (%s)</source>
        <translation>Show finished (%s)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%s: on or off</source>
        <translation>%s: on or off</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>next %s</source>
        <translation>next %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing more to come</source>
        <translation>nothing more to come</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quiet for now, by the safety check: %s</source>
        <translation>Quiet for now, by the safety check: %s</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Held back at %s: you had just drunk</source>
        <translation>Held back at %s: you had just drunk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held back at %s: you drank %s at %s</source>
        <translation>Held back at %s: you drank %s at %s</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nothing scheduled today.</source>
        <translation>Nothing scheduled today.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>held back: you drank %s at %s</source>
        <translation>held back: you drank %s at %s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>shown</source>
        <translation>shown</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>passed</source>
        <translation>passed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to come</source>
        <translation>to come</translation>
    </message>
</context>
<context>
    <name>ReturnToRun</name>
    <message>
        <location filename="../../companion/services/return_to_run.py" line="+119"/>
        <source>The usual morning feeling is 0 to 10.</source>
        <translation>The usual morning feeling is 0 to 10.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A plan is already running; stop it first to start again.</source>
        <translation>A plan is already running; stop it first to start again.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plan started. First: %s.</source>
        <translation>Plan started. First: %s.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The plan is stopped. Start a new one whenever you are ready.</source>
        <translation>The plan is stopped. Start a new one whenever you are ready.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No return-to-run plan yet: start one first.</source>
        <translation>No return-to-run plan yet: start one first.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Well done: on to %s next time.</source>
        <translation>Well done: on to %s next time.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Well done: you are back to easy running. Build up gently: keep any one run no more than 10 % longer than your longest of the last 30 days.</source>
        <translation>Well done: you are back to easy running. Build up gently: keep any one run no more than 10 % longer than your longest of the last 30 days.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A good session: %d of %d at this step.</source>
        <translation>A good session: %d of %d at this step.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The pain went above %d out of 10, so the plan steps back to %s. That is common: stay there until it settles.</source>
        <translation>The pain went above %d out of 10, so the plan steps back to %s. That is common: stay there until it settles.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This morning feels worse than your usual, so the plan steps back to %s.</source>
        <translation>This morning feels worse than your usual, so the plan steps back to %s.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Logged. Rest tomorrow, and tell how your leg feels in the morning: the next morning decides the next step.</source>
        <translation>Logged. Rest tomorrow, and tell how your leg feels in the morning: the next morning decides the next step.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An unfinished session does not count yet; repeat this step next time.</source>
        <translation>An unfinished session does not count yet; repeat this step next time.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sharp pain, a limp, swelling or pain at night is a sign to stop. The plan has stopped.</source>
        <translation>Sharp pain, a limp, swelling or pain at night is a sign to stop. The plan has stopped.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pain of %d out of 10 or more is a sign to stop. The plan has stopped.</source>
        <translation>Pain of %d out of 10 or more is a sign to stop. The plan has stopped.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The plan is stopped; start a new one first.</source>
        <translation>The plan is stopped; start a new one first.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The plan is finished: you are back to running.</source>
        <translation>The plan is finished: you are back to running.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report how this morning feels first: it decides the next step.</source>
        <translation>Report how this morning feels first: it decides the next step.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Today&apos;s session is already logged.</source>
        <translation>Today&apos;s session is already logged.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rest today: yesterday was a running day, and the plan keeps a day between sessions.</source>
        <translation>Rest today: yesterday was a running day, and the plan keeps a day between sessions.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no session waiting for its next morning.</source>
        <translation>There is no session waiting for its next morning.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The next morning is tomorrow: tell how your leg feels when you wake up.</source>
        <translation>The next morning is tomorrow: tell how your leg feels when you wake up.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pain is 0 to 10.</source>
        <translation>Pain is 0 to 10.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Today: %s</source>
        <translation>Today: %s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep the pain during the run at %d out of 10 or less. Good sessions at this step: %d of %d.</source>
        <translation>Keep the pain during the run at %d out of 10 or less. Good sessions at this step: %d of %d.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rest today</source>
        <translation>Rest today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yesterday was a running day. A day between sessions lets your leg answer; a gentle walk, stretch or easy cycle is fine.</source>
        <translation>Yesterday was a running day. A day between sessions lets your leg answer; a gentle walk, stretch or easy cycle is fine.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Report how this morning feels first</source>
        <translation>Report how this morning feels first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How are the pain and stiffness this morning, 0 to 10? Before the plan they were %d. The answer decides the next step.</source>
        <translation>How are the pain and stiffness this morning, 0 to 10? Before the plan they were %d. The answer decides the next step.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Today is a rest day either way.</source>
        <translation>Today is a rest day either way.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done for today</source>
        <translation>Done for today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tomorrow morning, tell how your leg feels: the next morning decides whether the plan moves on. Tomorrow is a rest day.</source>
        <translation>Tomorrow morning, tell how your leg feels: the next morning decides whether the plan moves on. Tomorrow is a rest day.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You are back to easy running</source>
        <translation>You are back to easy running</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build up gently from here: keep any one run no more than 10 % longer than your longest of the last 30 days.</source>
        <translation>Build up gently from here: keep any one run no more than 10 % longer than your longest of the last 30 days.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop the plan and get care</source>
        <translation>Stop the plan and get care</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The plan is stopped</source>
        <translation>The plan is stopped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new one whenever you are ready.</source>
        <translation>Start a new one whenever you are ready.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Run %d min at an easy pace, without stopping.</source>
        <translation>Run %d min at an easy pace, without stopping.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run %d min, walk %d min, %d times: %d min in all.</source>
        <translation>Run %d min, walk %d min, %d times: %d min in all.</translation>
    </message>
</context>
<context>
    <name>ReturnToRunView</name>
    <message>
        <location filename="../../companion/app/return_to_run.py" line="+85"/>
        <source>Choose how much it hurt during the run, 0 to 10.</source>
        <translation>Choose how much it hurt during the run, 0 to 10.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose how your leg feels this morning, 0 to 10.</source>
        <translation>Choose how your leg feels this morning, 0 to 10.</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/return_to_run.py" line="+48"/>
        <location filename="../../companion/ui/routines/return_to_run_parts.py" line="+105"/>
        <source>Return to running</source>
        <translation>Return to running</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Coming back to running</source>
        <translation>Coming back to running</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A walk-run plan that moves on only when your leg says so: pain during the run at 3 out of 10 or less, and the next morning back to how it usually is. General guidance, not medical advice.</source>
        <translation>A walk-run plan that moves on only when your leg says so: pain during the run at 3 out of 10 or less, and the next morning back to how it usually is. General guidance, not medical advice.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What the plan says</source>
        <translation>What the plan says</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>When to stop and get care</source>
        <translation>When to stop and get care</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The steps</source>
        <translation>The steps</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop the plan</source>
        <translation>Stop the plan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop the return-to-running plan</source>
        <translation>Stop the return-to-running plan</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+19"/>
        <source>Start the plan</source>
        <translation>Start the plan</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Start once you can walk briskly for 30 minutes without pain, and after answering the safety questions on Today if anything worries you.</source>
        <translation>Start once you can walk briskly for 30 minutes without pain, and after answering the safety questions on Today if anything worries you.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>How much pain and stiffness does your leg usually have in the morning? (0-10)</source>
        <translation>How much pain and stiffness does your leg usually have in the morning? (0-10)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Start the walk-run timer</source>
        <translation>Start the walk-run timer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log a session without the timer</source>
        <translation>Log a session without the timer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Walk-run timer</source>
        <translation>Walk-run timer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time left in this interval</source>
        <translation>Time left in this interval</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>End the session now</source>
        <translation>End the session now</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>After the run</source>
        <translation>After the run</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How much did it hurt during the run? (0-10)</source>
        <translation>How much did it hurt during the run? (0-10)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+41"/>
        <source>Sharp or stabbing pain</source>
        <translation>Sharp or stabbing pain</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>I limped</source>
        <translation>I limped</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>It is swollen</source>
        <translation>It is swollen</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>I finished the whole session</source>
        <translation>I finished the whole session</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the session</source>
        <translation>Save the session</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This morning</source>
        <translation>This morning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How are the pain and stiffness this morning? (0-10)</source>
        <translation>How are the pain and stiffness this morning? (0-10)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The pain woke me in the night</source>
        <translation>The pain woke me in the night</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I am limping</source>
        <translation>I am limping</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save this morning</source>
        <translation>Save this morning</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Now:</source>
        <translation>Now:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done:</source>
        <translation>Done:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Walk</source>
        <translation>Walk</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Interval %d of %d. Walk home if the pain goes above 3 out of 10.</source>
        <translation>Interval %d of %d. Walk home if the pain goes above 3 out of 10.</translation>
    </message>
    <message>
        <source>%d of 10</source>
        <translation type="vanished">%d of 10</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/return_to_run_parts.py" line="-45"/>
        <source>Any of these? (they stop the plan)</source>
        <translation>Any of these? (they stop the plan)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Coming back to running?</source>
        <translation>Coming back to running?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>After soreness or a strain that kept you off running: walk-run steps that move on only when the run and the next morning say so.</source>
        <translation>After soreness or a strain that kept you off running: walk-run steps that move on only when the run and the next morning say so.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open the return-to-running plan</source>
        <translation>Open the return-to-running plan</translation>
    </message>
</context>
<context>
    <name>RoutineEditor</name>
    <message>
        <location filename="../../companion/ui/routines/editor.py" line="+105"/>
        <source>Edit routine</source>
        <translation>Edit routine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New routine</source>
        <translation>New routine</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Routine name</source>
        <translation>Routine name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exercises</source>
        <translation>Exercises</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your routine, in order</source>
        <translation>Your routine, in order</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Show exercises for region</source>
        <translation>Show exercises for region</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every region</source>
        <translation>Every region</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show exercises using equipment</source>
        <translation>Show exercises using equipment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any equipment</source>
        <translation>Any equipment</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>stretch</source>
        <translation>stretch</translation>
    </message>
    <message>
        <source>foam roll</source>
        <translation type="vanished">foam roll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>roll or massage</source>
        <translation>roll or massage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mobility</source>
        <translation>mobility</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>isometric</source>
        <translation>isometric</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yoga</source>
        <translation>yoga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active recovery</source>
        <translation>active recovery</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no equipment</source>
        <translation>no equipment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>foam roller</source>
        <translation>foam roller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ball</source>
        <translation>ball</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>strap</source>
        <translation>strap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wall</source>
        <translation>wall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chair</source>
        <translation>chair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step</source>
        <translation>step</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bottle</source>
        <translation>bottle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stick</source>
        <translation>stick</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Exercises to add</source>
        <translation>Exercises to add</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Add to routine</source>
        <translation>&amp;Add to routine</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>How to stand or lie for %s</source>
        <translation>How to stand or lie for %s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Needs: %s.</source>
        <translation>Needs: %s.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No equipment.</source>
        <translation>No equipment.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Steps of your routine</source>
        <translation>Steps of your routine</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>Move do&amp;wn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seconds per hold or set</source>
        <translation>Seconds per hold or set</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Repetitions</source>
        <translation>Repetitions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Seconds</source>
        <translation>&amp;Seconds</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;ps</source>
        <translation>Re&amp;ps</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>, each side</source>
        <translation>, each side</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n movement(s) in %s s</source>
        <translation>
            <numerusform>%n movement in %s s</numerusform>
            <numerusform>%n movements in %s s</numerusform>
        </translation>
    </message>
    <message>
        <source>%d movements in %d s</source>
        <translation type="vanished">%d movements in %d s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%d × %d s</source>
        <translation>%d × %d s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%d s</source>
        <translation>%d s</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>About %d min, set-up and side switches included.</source>
        <translation>About %d min, set-up and side switches included.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot save: %s</source>
        <translation>Cannot save: %s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outside the usual range: %s</source>
        <translation>Outside the usual range: %s</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Outside the usual range</source>
        <translation>Outside the usual range</translation>
    </message>
</context>
<context>
    <name>Routines</name>
    <message>
        <location filename="../../companion/ui/routines/cards.py" line="+22"/>
        <source>a foam roller</source>
        <translation>a foam roller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a ball</source>
        <translation>a ball</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a strap or towel</source>
        <translation>a strap or towel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a wall</source>
        <translation>a wall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a chair</source>
        <translation>a chair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a low step</source>
        <translation>a low step</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a bottle</source>
        <translation>a bottle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a massage stick</source>
        <translation>a massage stick</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>left</source>
        <translation>left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>right</source>
        <translation>right</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>both legs</source>
        <translation>both legs</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>You need: %s.</source>
        <translation>You need: %s.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No equipment needed.</source>
        <translation>No equipment needed.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>See steps</source>
        <translation>See steps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the steps of %s</source>
        <translation>See the steps of %s</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/page.py" line="+61"/>
        <source>Start a routine and the player leads you through each step with a countdown. Stretch to mild tension only, roll at no more than moderate discomfort, and stop if anything sharp, tingling or numb appears.</source>
        <translation>Start a routine and the player leads you through each step with a countdown. Stretch to mild tension only, roll at no more than moderate discomfort, and stop if anything sharp, tingling or numb appears.</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Today&apos;s plan chose “%s”: it is first among the built-in routines, marked Recommended today.</source>
        <translation>Today&apos;s plan chose “%s”: it is first among the built-in routines, marked Recommended today.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Today&apos;s plan has no stretching or rolling for you.</source>
        <translation>Today&apos;s plan has no stretching or rolling for you.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Today&apos;s routine — recommended</source>
        <translation>Today&apos;s routine — recommended</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Made from today&apos;s check-in, for the places you marked sore. Today&apos;s page says why each step is there.</source>
        <translation>Made from today&apos;s check-in, for the places you marked sore. Today&apos;s page says why each step is there.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>No routine for %s %s yet. Build your own.</source>
        <translation>No routine for %s %s yet. Build your own.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No routine for %s yet. Build your own.</source>
        <translation>No routine for %s yet. Build your own.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No routine %s yet. Build your own.</source>
        <translation>No routine %s yet. Build your own.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>New routine</source>
        <translation>New routine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a routine from a routine file (.json)</source>
        <translation>Add a routine from a routine file (.json)</translation>
    </message>
    <message>
        <location line="-249"/>
        <source>Your routines</source>
        <translation>Your routines</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+232"/>
        <source>Today&apos;s routine</source>
        <translation>Today&apos;s routine</translation>
    </message>
    <message>
        <location line="-215"/>
        <source>Built-in routines</source>
        <translation>Built-in routines</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Duplicate to edit</source>
        <translation>Duplicate to edit</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+41"/>
        <source>Duplicate %s</source>
        <translation>Duplicate %s</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Your own routines appear here. Press New routine, or Duplicate to edit on any built-in one.</source>
        <translation>Your own routines appear here. Press New routine, or Duplicate to edit on any built-in one.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit %s</source>
        <translation>Edit %s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export %s</source>
        <translation>Export %s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete %s</source>
        <translation>Delete %s</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>Build your own</source>
        <translation>Build your own</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Build your own routine</source>
        <translation>Build your own routine</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Check in on Today to get a routine made for you.</source>
        <translation>Check in on Today to get a routine made for you.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Go to Today</source>
        <translation>Go to Today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check in on Today</source>
        <translation>Check in on Today</translation>
    </message>
    <message>
        <source>%s: about %d min</source>
        <translation type="vanished">%s: about %d min</translation>
    </message>
    <message numerus="yes">
        <location filename="../../companion/ui/routines/cards.py" line="-34"/>
        <source>%s, about %n minute(s)</source>
        <translation>
            <numerusform>%s, about %n minute</numerusform>
            <numerusform>%s, about %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Press Enter to see every step.</source>
        <translation>Press Enter to see every step.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../companion/ui/routines/detail.py" line="+171"/>
        <source>Recommended today</source>
        <translation>Recommended today</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <location filename="../../companion/ui/routines/detail.py" line="+6"/>
        <source>About %n min</source>
        <translation>
            <numerusform>About %n min</numerusform>
            <numerusform>About %n min</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../companion/ui/routines/detail.py" line="+54"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../companion/ui/routines/detail.py" line="+3"/>
        <source>Start %s</source>
        <translation>Start %s</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/detail.py" line="-185"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n slow movement(s) in about %1 s</source>
        <translation>
            <numerusform>%n slow movement in about %1 s</numerusform>
            <numerusform>%n slow movements in about %1 s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 × %2 s hold</source>
        <translation>%1 × %2 s hold</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 × %2 s</source>
        <translation>%1 × %2 s</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1, then %2</source>
        <translation>%1, then %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 each side</source>
        <translation>%1 each side</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about %1</source>
        <translation>about %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The steps of %s</source>
        <translation>The steps of %s</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n exercise(s)</source>
        <translation>
            <numerusform>%n exercise</numerusform>
            <numerusform>%n exercises</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Stretch to mild tension only and roll at no more than moderate discomfort. Stop if anything sharp, tingling or numb appears.</source>
        <translation>Stretch to mild tension only and roll at no more than moderate discomfort. Stop if anything sharp, tingling or numb appears.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/filters.py" line="+21"/>
        <source>Foam roller</source>
        <translation>Foam roller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Massage ball</source>
        <translation>Massage ball</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strap or towel</source>
        <translation>Strap or towel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wall</source>
        <translation>Wall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chair</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low step</source>
        <translation>Low step</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bottle</source>
        <translation>Bottle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Massage stick</source>
        <translation>Massage stick</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>without equipment</source>
        <translation>without equipment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with %s</source>
        <translation>with %s</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Show routines for</source>
        <translation>Show routines for</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show routines using</source>
        <translation>Show routines using</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../companion/ui/routines/page.py" line="-46"/>
        <source>Show all</source>
        <translation>Show all</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show all routines</source>
        <translation>Show all routines</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equipment</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>All regions</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any equipment</source>
        <translation>Any equipment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No equipment</source>
        <translation>No equipment</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only what every home has: the floor, a wall, a chair, a towel</source>
        <translation>Only what every home has: the floor, a wall, a chair, a towel</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>%1 of %n routine(s)</source>
        <translation>
            <numerusform>%1 of %n routine</numerusform>
            <numerusform>%1 of %n routines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n routine(s)</source>
        <translation>
            <numerusform>%n routine</numerusform>
            <numerusform>%n routines</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../companion/ui/routines/pose_thumbs.py" line="+55"/>
        <source>Pose for %s</source>
        <translation>Pose for %s</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Poses: %s</source>
        <translation>Poses: %s</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%n more pose(s)</source>
        <translation>
            <numerusform>%n more pose</numerusform>
            <numerusform>%n more poses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScoreRow</name>
    <message>
        <location filename="../../companion/ui/score_row.py" line="+36"/>
        <source>%d of 10</source>
        <translation>%d of 10</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../companion/ui/settings/page.py" line="+48"/>
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Setting not saved</source>
        <translation>Setting not saved</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Settings from a newer version</source>
        <translation>Settings from a newer version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>These settings were saved by a newer version of Recovery Companion. They are shown here but cannot be changed until you update the app.</source>
        <translation>These settings were saved by a newer version of Recovery Companion. They are shown here but cannot be changed until you update the app.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Millilitres (mL)</source>
        <translation>Millilitres (mL)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>US fluid ounces (fl oz)</source>
        <translation>US fluid ounces (fl oz)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Celsius (°C)</source>
        <translation>Celsius (°C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fahrenheit (°F)</source>
        <translation>Fahrenheit (°F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Water amounts</source>
        <translation>Water amounts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temperatures</source>
        <translation>Temperatures</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Limits are checked in metric whichever you choose; only the display changes.</source>
        <translation>Limits are checked in metric whichever you choose; only the display changes.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Waking hours</source>
        <translation>Waking hours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reminders only come between these times, and water is spread across them. A day&apos;s hours must be at least 4 hours long.</source>
        <translation>Reminders only come between these times, and water is spread across them. A day&apos;s hours must be at least 4 hours long.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%s: awake from</source>
        <translation>%s: awake from</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s: awake until</source>
        <translation>%s: awake until</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy Monday to Tuesday–Friday</source>
        <translation>Copy Monday to Tuesday–Friday</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy Monday to every day</source>
        <translation>Copy Monday to every day</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Water goal</source>
        <translation>Water goal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Daily goal</source>
        <translation>Daily goal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Daily water goal</source>
        <translation>Daily water goal</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Use the usual goal</source>
        <translation>Use the usual goal</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sound and voice</source>
        <translation>Sound and voice</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Routines and timers tick before each change and chime when one starts; where this computer has a voice, they also say what to do.</source>
        <translation>Routines and timers tick before each change and chime when one starts; where this computer has a voice, they also say what to do.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ticks and chimes</source>
        <translation>Ticks and chimes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spoken instructions</source>
        <translation>Spoken instructions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cue volume</source>
        <translation>Cue volume</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Play a test sound</source>
        <translation>Play a test sound</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+20"/>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>High contrast, light</source>
        <translation>High contrast, light</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>High contrast, dark</source>
        <translation>High contrast, dark</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>When your computer is set to high contrast, the app follows it, in light or dark.</source>
        <translation>When your computer is set to high contrast, the app follows it, in light or dark.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Safety</source>
        <translation>Safety</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the safety check finds signs of an emergency, the app tells you to call this number. Leave it empty to use %s, the usual number where this computer is set up.</source>
        <translation>When the safety check finds signs of an emergency, the app tells you to call this number. Leave it empty to use %s, the usual number where this computer is set up.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+8"/>
        <source>Emergency number</source>
        <translation>Emergency number</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit health conditions…</source>
        <translation>Edit health conditions…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Equipment you have</source>
        <translation>Equipment you have</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today&apos;s routine only uses what you tick. Without a foam roller it picks a ball, a stick or your hands; the floor, a wall, a chair and a towel are assumed.</source>
        <translation>Today&apos;s routine only uses what you tick. Without a foam roller it picks a ball, a stick or your hands; the floor, a wall, a chair and a towel are assumed.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Start at login</source>
        <translation>Start at login</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start in the tray when I log in</source>
        <translation>Start in the tray when I log in</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Your data</source>
        <translation>Your data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything you enter stays on this computer, in one database file in this folder. Recovery Companion never sends anything over the network.</source>
        <translation>Everything you enter stays on this computer, in one database file in this folder. Recovery Companion never sends anything over the network.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open data folder</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put units, waking hours, the water goal, sound, theme, the emergency number and equipment back to how they started. Your history, reminders and health conditions stay as they are.</source>
        <translation>Put units, waking hours, the water goal, sound, theme, the emergency number and equipment back to how they started. Your history, reminders and health conditions stay as they are.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reset settings to defaults…</source>
        <translation>Reset settings to defaults…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yes, reset them</source>
        <translation>Yes, reset them</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reset every setting on this page?</source>
        <translation>Reset every setting on this page?</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>fl oz</source>
        <translation>fl oz</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How much to drink in a day, counting all drinks. %s suits most adults in a mild climate; between %s and %s needs no second thought. Your health conditions can switch the goal off.</source>
        <translation>How much to drink in a day, counting all drinks. %s suits most adults in a mild climate; between %s and %s needs no second thought. Your health conditions can switch the goal off.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Starting at login is not available on this system.</source>
        <translation>Starting at login is not available on this system.</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Settings are back to their defaults.</source>
        <translation>Settings are back to their defaults.</translation>
    </message>
    <message>
        <location filename="../../companion/ui/settings/reminder_style.py" line="+22"/>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+12"/>
        <source>Show reminders as</source>
        <translation>Show reminders as</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Desktop notifications</source>
        <translation>Desktop notifications</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The app&apos;s own window</source>
        <translation>The app&apos;s own window</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Each reminder shows once, with Done, Snooze and Skip. Where the desktop cannot show notifications with buttons, the app&apos;s own window is used.</source>
        <translation>Each reminder shows once, with Done, Snooze and Skip. Where the desktop cannot show notifications with buttons, the app&apos;s own window is used.</translation>
    </message>
    <message>
        <location filename="../../companion/ui/settings/watch_folder.py" line="+27"/>
        <source>Watched folder</source>
        <translation>Watched folder</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New activity files that appear here — say from your watch or a sync app — are imported once, and the tray tells you what arrived. Files already in the folder are left alone: Import runs… on History takes those.</source>
        <translation>New activity files that appear here — say from your watch or a sync app — are imported once, and the tray tells you what arrived. Files already in the folder are left alone: Import runs… on History takes those.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+33"/>
        <source>Choose folder…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Choose the watched folder</source>
        <translation>Choose the watched folder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop watching</source>
        <translation>Stop watching</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Watching: %s</source>
        <translation>Watching: %s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Off: no folder is watched.</source>
        <translation>Off: no folder is watched.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose another folder…</source>
        <translation>Choose another folder…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Folder to watch for activity files</source>
        <translation>Folder to watch for activity files</translation>
    </message>
</context>
<context>
    <name>SkinCheck</name>
    <message>
        <location filename="../../companion/ui/reminders/therapy_timer.py" line="+389"/>
        <source>Skin check: %s</source>
        <translation>Skin check: %s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%s: skin check</source>
        <translation>%s: skin check</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Looks fine</source>
        <translation>Looks fine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop now</source>
        <translation>Stop now</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Stop here</source>
        <translation>Stop here</translation>
    </message>
    <message>
        <location filename="../../companion/ui/reminders/timer_panels.py" line="-51"/>
        <location line="+4"/>
        <source>Skin check</source>
        <translation>Skin check</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Looks &amp;fine</source>
        <translation>Looks &amp;fine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The skin looks fine: the timer goes on.</source>
        <translation>The skin looks fine: the timer goes on.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop &amp;now</source>
        <translation>Stop &amp;now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stops the timer and says what to do.</source>
        <translation>Stops the timer and says what to do.</translation>
    </message>
</context>
<context>
    <name>TherapyPhase</name>
    <message>
        <location filename="../../companion/domain/therapy_timer.py" line="-70"/>
        <location line="+12"/>
        <location line="+16"/>
        <source>Ice on</source>
        <translation>Ice on</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Ice off</source>
        <translation>Ice off</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Hot</source>
        <translation>Hot</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cold</source>
        <translation>Cold</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>In the cold water</source>
        <translation>In the cold water</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>In the warm bath</source>
        <translation>In the warm bath</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Heat on</source>
        <translation>Heat on</translation>
    </message>
</context>
<context>
    <name>TherapyTimer</name>
    <message>
        <location filename="../../companion/ui/reminders/therapy_timer.py" line="-298"/>
        <source>%s: Recovery Companion</source>
        <translation>%s: Recovery Companion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Therapy timer</source>
        <translation>Therapy timer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Something&apos;s wrong</source>
        <translation>Something&apos;s wrong</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stops the timer and opens the safety questions.</source>
        <translation>Stops the timer and opens the safety questions.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>First, a quick safety check</source>
        <translation>First, a quick safety check</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Do not start: a yes here needs medical attention first, not cold or heat. Use Something&apos;s wrong below to answer the safety questions.</source>
        <translation>Do not start: a yes here needs medical attention first, not cold or heat. Use Something&apos;s wrong below to answer the safety questions.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Before you start</source>
        <translation>Before you start</translation>
    </message>
    <message numerus="yes">
        <source>%n phase(s), %s minutes in all.</source>
        <translation type="vanished">
            <numerusform>%n phase, %s minutes in all.</numerusform>
            <numerusform>%n phases, %s minutes in all.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Timer progress</source>
        <translation>Timer progress</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Time left in this phase</source>
        <translation>Time left in this phase</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+219"/>
        <location line="+15"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-233"/>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pause or resume (Space)</source>
        <translation>Pause or resume (Space)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>End this phase now</source>
        <translation>End this phase now</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop the timer (Esc)</source>
        <translation>Stop the timer (Esc)</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+186"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Look at your skin: stop if it is white, grey, blistered or numb.</source>
        <translation type="vanished">Look at your skin: stop if it is white, grey, blistered or numb.</translation>
    </message>
    <message>
        <source>Done. Well done.</source>
        <translation type="vanished">Done. Well done.</translation>
    </message>
    <message numerus="yes">
        <location line="-403"/>
        <source>%n phase(s)</source>
        <translation>
            <numerusform>%n phase</numerusform>
            <numerusform>%n phases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n minute(s) in all</source>
        <translation>
            <numerusform>%n minute in all</numerusform>
            <numerusform>%n minutes in all</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%s minutes in all</source>
        <translation>%s minutes in all</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, %2.</source>
        <comment>phases, then minutes</comment>
        <translation>%1, %2.</translation>
    </message>
    <message>
        <location line="+236"/>
        <source>%s (paused)</source>
        <translation>%s (paused)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Next: %s (%s)</source>
        <translation>Next: %s (%s)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last phase.</source>
        <translation>Last phase.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%s: %s</source>
        <translation>%s: %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the timer</source>
        <translation>Show the timer</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+7"/>
        <location line="+58"/>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%s: %s, paused</source>
        <translation>%s: %s, paused</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%s: %s until %s</source>
        <translation>%s: %s until %s</translation>
    </message>
</context>
<context>
    <name>TimerKind</name>
    <message>
        <location filename="../../companion/domain/therapy_timer.py" line="-268"/>
        <source>Ice pack</source>
        <translation>Ice pack</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrast therapy</source>
        <translation>Contrast therapy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cold-water soak</source>
        <translation>Cold-water soak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm bath</source>
        <translation>Warm bath</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heat pack</source>
        <translation>Heat pack</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <location filename="../../companion/ui/today/plan_view.py" line="+46"/>
        <source>Suggested</source>
        <translation>Suggested</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine</source>
        <translation>Fine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With care</source>
        <translation>With care</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not today</source>
        <translation>Not today</translation>
    </message>
    <message>
        <source>%s: %d out of 10</source>
        <translation type="vanished">%s: %d out of 10</translation>
    </message>
    <message>
        <location filename="../../companion/ui/today/dialogs.py" line="+48"/>
        <source>Before your plan: a quick safety check</source>
        <translation>Before your plan: a quick safety check</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Why these questions now:</source>
        <translation>Why these questions now:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why these questions now</source>
        <translation>Why these questions now</translation>
    </message>
    <message>
        <source>Do any of these apply to you right now? Tick each one that does. This is not a diagnosis: it tells you when to get help instead of self-care.</source>
        <translation type="vanished">Do any of these apply to you right now? Tick each one that does. This is not a diagnosis: it tells you when to get help instead of self-care.</translation>
    </message>
    <message>
        <source>None of these apply</source>
        <translation type="vanished">None of these apply</translation>
    </message>
    <message>
        <source>Continue with what I ticked</source>
        <translation type="vanished">Continue with what I ticked</translation>
    </message>
    <message>
        <location line="+259"/>
        <source>Health conditions</source>
        <translation>Health conditions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Some conditions make ice, heat, baths or rolling unsafe. Tick any that apply; the plan will leave those out. You can change this in Settings.</source>
        <translation>Some conditions make ice, heat, baths or rolling unsafe. Tick any that apply; the plan will leave those out. You can change this in Settings.</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Both legs</source>
        <translation>Both legs</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This is not a diagnosis: it tells you when to get help instead of self-care. Keys: Y yes, N no, Enter next, Esc cancel.</source>
        <translation>This is not a diagnosis: it tells you when to get help instead of self-care. Keys: Y yes, N no, Enter next, Esc cancel.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&amp;Yes</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+93"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>All %d questions answered</source>
        <translation type="vanished">All %d questions answered</translation>
    </message>
    <message numerus="yes">
        <location line="-23"/>
        <source>All %n question(s) answered</source>
        <translation>
            <numerusform>%n question answered</numerusform>
            <numerusform>All %n questions answered</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%s · question %d of %d</source>
        <translation>%s · question %d of %d</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>You answered no to every question. Press Done to carry on.</source>
        <translation>You answered no to every question. Press Done to carry on.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You answered yes to:</source>
        <translation>You answered yes to:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Press Done to see what to do next, or Back to change an answer.</source>
        <translation>Press Done to see what to do next, or Back to change an answer.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Emergency signs</source>
        <translation>Emergency signs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signs to get checked today</source>
        <translation>Signs to get checked today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signs to get checked soon</source>
        <translation>Signs to get checked soon</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Left leg</source>
        <translation>Left leg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right leg</source>
        <translation>Right leg</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%s: which leg</source>
        <translation>%s: which leg</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None of these</source>
        <translation>None of these</translation>
    </message>
    <message>
        <location filename="../../companion/ui/today/plan_view.py" line="+27"/>
        <location line="+76"/>
        <location line="+3"/>
        <source>Today&apos;s plan</source>
        <translation>Today&apos;s plan</translation>
    </message>
    <message>
        <source>Ice, heat and water</source>
        <translation type="vanished">Ice, heat and water</translation>
    </message>
    <message>
        <source>Movement and water</source>
        <translation type="vanished">Movement and water</translation>
    </message>
    <message>
        <source>Active recovery: %d minutes of %s. %s</source>
        <translation type="vanished">Active recovery: %d minutes of %s. %s</translation>
    </message>
    <message>
        <source>Active recovery: %s</source>
        <translation type="vanished">Active recovery: %s</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>Active recovery</source>
        <translation>Active recovery</translation>
    </message>
    <message>
        <source>Water: %s</source>
        <translation type="vanished">Water: %s</translation>
    </message>
    <message>
        <source>Water: about %s today. %s</source>
        <translation type="vanished">Water: about %s today. %s</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+21"/>
        <source>Water</source>
        <translation>Water</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>Stop at once if</source>
        <translation>Stop at once if</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Start ice timer</source>
        <translation>Start ice timer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start heat timer</source>
        <translation>Start heat timer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start contrast timer</source>
        <translation>Start contrast timer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start cold-soak timer</source>
        <translation>Start cold-soak timer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start bath timer</source>
        <translation>Start bath timer</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>What to do today</source>
        <translation>What to do today</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>When to stop</source>
        <translation>When to stop</translation>
    </message>
    <message>
        <source>Stretching and rolling: about %d min</source>
        <translation type="vanished">Stretching and rolling: about %d min</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Stretching and rolling</source>
        <translation>Stretching and rolling</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>left</source>
        <translation>left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>right</source>
        <translation>right</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>both legs</source>
        <translation>both legs</translation>
    </message>
    <message>
        <source>Stretch to mild tension only; roll at no more than moderate discomfort. The guided player with timers is coming.</source>
        <translation type="vanished">Stretch to mild tension only; roll at no more than moderate discomfort. The guided player with timers is coming.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stretch to mild tension only; roll at no more than moderate discomfort. The player times each step and tells you when to switch sides.</source>
        <translation>Stretch to mild tension only; roll at no more than moderate discomfort. The player times each step and tells you when to switch sides.</translation>
    </message>
    <message>
        <source>Start the guided routine</source>
        <translation type="vanished">Start the guided routine</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Edit check-in</source>
        <translation>Edit check-in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit check-in: back to the map and answers</source>
        <translation>Edit check-in: back to the map and answers</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Start routine again</source>
        <translation>Start routine again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start routine</source>
        <translation>Start routine</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start today&apos;s guided routine</source>
        <translation>Start today&apos;s guided routine</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stretching</source>
        <translation>Stretching</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read more about stretching</source>
        <translation>Read more about stretching</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Foam rolling</source>
        <translation>Foam rolling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read more about rolling</source>
        <translation>Read more about rolling</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ice and heat</source>
        <translation>Ice and heat</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Other options</source>
        <translation>Other options</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>About %s across the day.</source>
        <translation>About %s across the day.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Water reminders are on.</source>
        <translation>Water reminders are on.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Turn on water reminders</source>
        <translation>Turn on water reminders</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Easy movement</source>
        <translation>Easy movement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Easy movement: %d min</source>
        <translation>Easy movement: %d min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For example %s.</source>
        <translation>For example %s.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Safety check: %s</source>
        <translation>Safety check: %s</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Read more about getting care</source>
        <translation>Read more about getting care</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Read more about this kind of soreness</source>
        <translation>Read more about this kind of soreness</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Read more</source>
        <translation>Read more</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read more in the Guide: %s</source>
        <translation>Read more in the Guide: %s</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Call %s now, or have someone take you to an emergency department. Do not drive yourself.</source>
        <translation>Call %s now, or have someone take you to an emergency department. Do not drive yourself.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Call %s now</source>
        <translation>Call %s now</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Routines and timers stay locked until you confirm you have been assessed.</source>
        <translation>Routines and timers stay locked until you confirm you have been assessed.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>I have been assessed by a professional</source>
        <translation>I have been assessed by a professional</translation>
    </message>
    <message>
        <source>%d of 10</source>
        <translation type="vanished">%d of 10</translation>
    </message>
    <message>
        <location filename="../../companion/ui/today/page.py" line="+105"/>
        <source>Point at a sore spot to see its name.</source>
        <translation>Point at a sore spot to see its name.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Click a sore spot, or Tab into the map and use the arrow keys. 1-9 set soreness, 0 sets 10, Delete clears.</source>
        <translation>Click a sore spot, or Tab into the map and use the arrow keys. 1-9 set soreness, 0 sets 10, Delete clears.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>A new check-in</source>
        <translation>A new check-in</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save check-in and plan my day</source>
        <translation>Save check-in and plan my day</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Pick a sore spot on the map</source>
        <translation>Pick a sore spot on the map</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the front or back of either leg. Each spot gets its own score.</source>
        <translation>Choose the front or back of either leg. Each spot gets its own score.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Soreness at rest</source>
        <translation>Soreness at rest</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Soreness during the test movement</source>
        <translation>Soreness during the test movement</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Feels %s</source>
        <translation>Feels %s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>About this soreness</source>
        <translation>About this soreness</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> hours ago</source>
        <translation> hours ago</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It started this many hours ago</source>
        <translation>It started this many hours ago</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+31"/>
        <source>What set it off</source>
        <translation>What set it off</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>What it feels like</source>
        <translation>What it feels like</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No swelling</source>
        <translation>No swelling</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Both legs swollen</source>
        <translation>Both legs swollen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left leg swollen</source>
        <translation>Left leg swollen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Right leg swollen</source>
        <translation>Right leg swollen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+15"/>
        <source>Swelling</source>
        <translation>Swelling</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>The sore area is warm or red</source>
        <translation>The sore area is warm or red</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>%d minutes</source>
        <translation type="vanished">%d minutes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time for a routine today</source>
        <translation>Time for a routine today</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It started</source>
        <translation>It started</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It feels like</source>
        <translation>It feels like</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Routine time</source>
        <translation>Routine time</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>From your log: %s, finished %s.</source>
        <translation>From your log: %s, finished %s.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>your run</source>
        <translation>your run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your leg day</source>
        <translation>your leg day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your long time on your feet</source>
        <translation>your long time on your feet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your exercise</source>
        <translation>your exercise</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New check-in for %s that ended at %s. Mark how your legs feel now</source>
        <translation>New check-in for %s that ended at %s. Mark how your legs feel now</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>; saving replaces today&apos;s earlier check-in.</source>
        <translation>; saving replaces today&apos;s earlier check-in.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; yesterday&apos;s check-in stays in History.</source>
        <translation>; yesterday&apos;s check-in stays in History.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; your check-in from %s stays in History.</source>
        <translation>; your check-in from %s stays in History.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Test movement: %s</source>
        <translation>Test movement: %s</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Mark at least one sore spot on the map first.</source>
        <translation>Mark at least one sore spot on the map first.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing saved: the health questions were cancelled.</source>
        <translation>Nothing saved: the health questions were cancelled.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing saved: the safety check was cancelled.</source>
        <translation>Nothing saved: the safety check was cancelled.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved at %s.</source>
        <translation>Saved at %s.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Confirm assessment</source>
        <translation>Confirm assessment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Have you been assessed by a doctor or other health professional about these symptoms?</source>
        <translation>Have you been assessed by a doctor or other health professional about these symptoms?</translation>
    </message>
    <message>
        <location filename="../../companion/ui/today/plan_items.py" line="+43"/>
        <source>Done today</source>
        <translation>Done today</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%s: done today</source>
        <translation>%s: done today</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <location filename="../../companion/ui/tray.py" line="+38"/>
        <source>Log &amp;water</source>
        <translation>Log &amp;water</translation>
    </message>
    <message>
        <source>%d mL</source>
        <translation type="vanished">%d mL</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Just &amp;finished...</source>
        <translation>Just &amp;finished...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A run</source>
        <translation>A run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leg day</source>
        <translation>Leg day</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>&amp;Pause reminders</source>
        <translation>&amp;Pause reminders</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reminders: %s</source>
        <translation>Reminders: %s</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../../companion/ui/welcome/dialog.py" line="+61"/>
        <source>Welcome to Recovery Companion</source>
        <translation>Welcome to Recovery Companion</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Nothing ticked is fine: the plan then uses your hands, the floor, a wall, a chair and a towel.</source>
        <translation>Nothing ticked is fine: the plan then uses your hands, the floor, a wall, a chair and a towel.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Awake from</source>
        <translation>Awake from</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awake until</source>
        <translation>Awake until</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Daily goal</source>
        <translation>Daily goal</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>L</source>
        <comment>litres</comment>
        <translation>L</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Daily water goal</source>
        <translation>Daily water goal</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Drinks over the day, from %(low)g to %(high)g L here; 2 L suits most adults. Thirst and pale urine are good guides. A goal outside this range is set in Settings, which asks first.</source>
        <translation>Drinks over the day, from %(low)g to %(high)g L here; 2 L suits most adults. Thirst and pale urine are good guides. A goal outside this range is set in Settings, which asks first.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Skip for now</source>
        <translation>Skip for now</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Health conditions</source>
        <translation>Health conditions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some conditions make ice, heat, baths or rolling unsafe. Tick any that apply, or None of these; the plan leaves out what is not safe for you.</source>
        <translation>Some conditions make ice, heat, baths or rolling unsafe. Tick any that apply, or None of these; the plan leaves out what is not safe for you.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Equipment you have</source>
        <translation>Equipment you have</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick what you have at home. The routine only uses what you tick.</source>
        <translation>Tick what you have at home. The routine only uses what you tick.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your waking hours</source>
        <translation>Your waking hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminders stay quiet outside these hours. Settings can set each day apart.</source>
        <translation>Reminders stay quiet outside these hours. Settings can set each day apart.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your water goal</source>
        <translation>Your water goal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How much to drink in a day, for the water reminders.</source>
        <translation>How much to drink in a day, for the water reminders.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step %d of %d</source>
        <translation>Step %d of %d</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>YourData</name>
    <message>
        <location filename="../../companion/services/data.py" line="+92"/>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%s and %s</source>
        <translation>%s and %s</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n check-in(s)</source>
        <translation>
            <numerusform>%n check-in</numerusform>
            <numerusform>%n check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n safety check result(s)</source>
        <translation>
            <numerusform>%n safety check result</numerusform>
            <numerusform>%n safety check results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n health condition(s)</source>
        <translation>
            <numerusform>%n health condition</numerusform>
            <numerusform>%n health conditions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n routine session(s)</source>
        <translation>
            <numerusform>%n routine session</numerusform>
            <numerusform>%n routine sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n routine(s) of yours</source>
        <translation>
            <numerusform>%n routine of yours</numerusform>
            <numerusform>%n routines of yours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n reminder(s) (switched off until you turn it/them on)</source>
        <translation>
            <numerusform>%n reminder (switched off until you turn it on)</numerusform>
            <numerusform>%n reminders (switched off until you turn them on)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n past reminder(s)</source>
        <translation>
            <numerusform>%n past reminder</numerusform>
            <numerusform>%n past reminders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n drink(s)</source>
        <translation>
            <numerusform>%n drink</numerusform>
            <numerusform>%n drinks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n therapy session(s)</source>
        <translation>
            <numerusform>%n therapy session</numerusform>
            <numerusform>%n therapy sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n activity(-ies)</source>
        <translation>
            <numerusform>%n activity</numerusform>
            <numerusform>%n activities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n morning entry(-ies)</source>
        <translation>
            <numerusform>%n morning entry</numerusform>
            <numerusform>%n morning entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n trend alert(s)</source>
        <translation>
            <numerusform>%n trend alert</numerusform>
            <numerusform>%n trend alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n return-to-run plan(s)</source>
        <translation>
            <numerusform>%n return-to-run plan</numerusform>
            <numerusform>%n return-to-run plans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n setting(s)</source>
        <translation>
            <numerusform>%n setting</numerusform>
            <numerusform>%n settings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file holds no records, so nothing was imported.</source>
        <translation>The file holds no records, so nothing was imported.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing new to import: its one record was already here.</source>
        <translation>Nothing new to import: its one record was already here.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing new to import: all %d records were already here.</source>
        <translation>Nothing new to import: all %d records were already here.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported %s.</source>
        <translation>Imported %s.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Imported %s; %n was/were already here.</source>
        <translation>
            <numerusform>Imported %s; %n was already here.</numerusform>
            <numerusform>Imported %s; %n were already here.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%d KB</source>
        <translation>%d KB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%.1f MB</source>
        <translation>%.1f MB</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+66"/>
        <source>your data before a restore</source>
        <translation>your data before a restore</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>%s is running on %s. Quit it first, or use Settings → Your data → Restore… in its window. Nothing was changed.</source>
        <translation>%s is running on %s. Quit it first, or use Settings → Your data → Restore… in its window. Nothing was changed.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Last backup: %s, keeping the newest %d.</source>
        <translation>Last backup: %s, keeping the newest %d.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last backup: none yet. A backup is made each day, keeping the newest %d.</source>
        <translation>Last backup: none yet. A backup is made each day, keeping the newest %d.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No backups yet in %s.</source>
        <translation>No backups yet in %s.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Backed up to %s.</source>
        <translation>Backed up to %s.</translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>Saved your data (%n record(s)) to %s.</source>
        <translation>
            <numerusform>Saved your data (%n record) to %s.</numerusform>
            <numerusform>Saved your data (%n records) to %s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Saved %n CSV file(s) in %s.</source>
        <translation>
            <numerusform>Saved %n CSV file in %s.</numerusform>
            <numerusform>Saved %n CSV files in %s.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not exported. %s</source>
        <translation>Not exported. %s</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Replace all your data with the backup %s? Your data as it is now is saved first, so you can go back to it.</source>
        <translation>Replace all your data with the backup %s? Your data as it is now is saved first, so you can go back to it.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not restored. %s</source>
        <translation>Not restored. %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored %s. Your data from before is kept in %s.</source>
        <translation>Restored %s. Your data from before is kept in %s.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete all your history?

Deleted: check-ins, routine sessions, past reminders, water, therapy sessions, activities, morning entries, trend alerts and past safety check results.

Kept: your settings, health conditions, your own routines and reminders, and any safety lock still running.

A backup is made first, in %s, so this can be undone with Restore.</source>
        <translation>Delete all your history?

Deleted: check-ins, routine sessions, past reminders, water, therapy sessions, activities, morning entries, trend alerts and past safety check results.

Kept: your settings, health conditions, your own routines and reminders, and any safety lock still running.

A backup is made first, in %s, so this can be undone with Restore.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nothing was deleted: the backup first failed. %s</source>
        <translation>Nothing was deleted: the backup first failed. %s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was deleted: %s.</source>
        <translation>Nothing was deleted: %s.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Deleted %n record(s) from your history. A backup from just before is in %s.</source>
        <translation>
            <numerusform>Deleted %n record from your history. A backup from just before is in %s.</numerusform>
            <numerusform>Deleted %n records from your history. A backup from just before is in %s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n safety lock(s) still running was/were kept.</source>
        <translation>
            <numerusform>A safety lock still running was kept.</numerusform>
            <numerusform>%n safety locks still running were kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>YourDataCard</name>
    <message>
        <source>%d KB</source>
        <translation type="vanished">%d KB</translation>
    </message>
    <message>
        <source>%.1f MB</source>
        <translation type="vanished">%.1f MB</translation>
    </message>
    <message>
        <source>%s and %s</source>
        <translation type="vanished">%s and %s</translation>
    </message>
    <message>
        <source>The file holds no records, so nothing was imported.</source>
        <translation type="vanished">The file holds no records, so nothing was imported.</translation>
    </message>
    <message>
        <source>Nothing new to import: its one record was already here.</source>
        <translation type="vanished">Nothing new to import: its one record was already here.</translation>
    </message>
    <message>
        <source>Nothing new to import: all %d records were already here.</source>
        <translation type="vanished">Nothing new to import: all %d records were already here.</translation>
    </message>
    <message>
        <source>Imported %s.</source>
        <translation type="vanished">Imported %s.</translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s)</source>
        <translation type="vanished">
            <numerusform>%n check-in</numerusform>
            <numerusform>%n check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n safety check result(s)</source>
        <translation type="vanished">
            <numerusform>%n safety check result</numerusform>
            <numerusform>%n safety check results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n health condition(s)</source>
        <translation type="vanished">
            <numerusform>%n health condition</numerusform>
            <numerusform>%n health conditions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n routine session(s)</source>
        <translation type="vanished">
            <numerusform>%n routine session</numerusform>
            <numerusform>%n routine sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n routine(s) of yours</source>
        <translation type="vanished">
            <numerusform>%n routine of yours</numerusform>
            <numerusform>%n routines of yours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) (switched off until you turn it/them on)</source>
        <translation type="vanished">
            <numerusform>%n reminder (switched off until you turn it on)</numerusform>
            <numerusform>%n reminders (switched off until you turn them on)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n past reminder(s)</source>
        <translation type="vanished">
            <numerusform>%n past reminder</numerusform>
            <numerusform>%n past reminders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drink(s)</source>
        <translation type="vanished">
            <numerusform>%n drink</numerusform>
            <numerusform>%n drinks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n therapy session(s)</source>
        <translation type="vanished">
            <numerusform>%n therapy session</numerusform>
            <numerusform>%n therapy sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n activity(-ies)</source>
        <translation type="vanished">
            <numerusform>%n activity</numerusform>
            <numerusform>%n activities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n morning entry(-ies)</source>
        <translation type="vanished">
            <numerusform>%n morning entry</numerusform>
            <numerusform>%n morning entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trend alert(s)</source>
        <translation type="vanished">
            <numerusform>%n trend alert</numerusform>
            <numerusform>%n trend alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s)</source>
        <translation type="vanished">
            <numerusform>%n setting</numerusform>
            <numerusform>%n settings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %s; %n was/were already here.</source>
        <translation type="vanished">
            <numerusform>Imported %s; %n was already here.</numerusform>
            <numerusform>Imported %s; %n were already here.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../companion/ui/settings/your_data.py" line="+70"/>
        <location line="+158"/>
        <location line="+87"/>
        <source>Restore a backup</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location line="-239"/>
        <source>Choose the backup to go back to. Your data as it is now is kept aside first, so you can come back to it.</source>
        <translation>Choose the backup to go back to. Your data as it is now is kept aside first, so you can come back to it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There are no backups in the backups folder yet. You can choose a file.</source>
        <translation>There are no backups in the backups folder yet. You can choose a file.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Backups, newest first</source>
        <translation>Backups, newest first</translation>
    </message>
    <message>
        <source>your data before a restore</source>
        <translation type="vanished">your data before a restore</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore the chosen backup</source>
        <translation>Restore the chosen backup</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a file…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a backup file</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Export, back up and restore</source>
        <translation>Export, back up and restore</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Take your data out as one JSON file (which Import reads back, on this or another computer) or as CSV files for a spreadsheet.</source>
        <translation>Take your data out as one JSON file (which Import reads back, on this or another computer) or as CSV files for a spreadsheet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export as CSV…</source>
        <translation>Export as CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export your data as CSV files</source>
        <translation>Export your data as CSV files</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export as JSON…</source>
        <translation>Export as JSON…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export your data as one JSON file</source>
        <translation>Export your data as one JSON file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a JSON export</source>
        <translation>Import a JSON export</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up your data now</source>
        <translation>Back up your data now</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete all history…</source>
        <translation>Delete all history…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+93"/>
        <source>Delete all history</source>
        <translation>Delete all history</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Last backup</source>
        <translation>Last backup</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Last backup: %s, keeping the newest %d.</source>
        <translation type="vanished">Last backup: %s, keeping the newest %d.</translation>
    </message>
    <message>
        <source>Last backup: none yet. A backup is made each day, keeping the newest %d.</source>
        <translation type="vanished">Last backup: none yet. A backup is made each day, keeping the newest %d.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Export as CSV: choose or create a folder</source>
        <translation>Export as CSV: choose or create a folder</translation>
    </message>
    <message>
        <source>Not exported. %s</source>
        <translation type="vanished">Not exported. %s</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n CSV file(s) in %s.</source>
        <translation type="vanished">
            <numerusform>Saved %n CSV file in %s.</numerusform>
            <numerusform>Saved %n CSV files in %s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved your data (%n record(s)) to %s.</source>
        <translation type="vanished">
            <numerusform>Saved your data (%n record) to %s.</numerusform>
            <numerusform>Saved your data (%n records) to %s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n record(s) from your history. A backup from just before is in %s.</source>
        <translation type="vanished">
            <numerusform>Deleted %n record from your history. A backup from just before is in %s.</numerusform>
            <numerusform>Deleted %n records from your history. A backup from just before is in %s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n safety lock(s) still running was/were kept.</source>
        <translation type="vanished">
            <numerusform>A safety lock still running was kept.</numerusform>
            <numerusform>%n safety locks still running were kept.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export as JSON</source>
        <translation>Export as JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>Recovery Companion exports (*.json)</source>
        <translation>Recovery Companion exports (*.json)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Import a Recovery Companion export</source>
        <translation>Import a Recovery Companion export</translation>
    </message>
    <message>
        <source>Backed up to %s.</source>
        <translation type="vanished">Backed up to %s.</translation>
    </message>
    <message>
        <source>Replace all your data with the backup %s? Your data as it is now is saved first, so you can go back to it.</source>
        <translation type="vanished">Replace all your data with the backup %s? Your data as it is now is saved first, so you can go back to it.</translation>
    </message>
    <message>
        <source>Not restored. %s</source>
        <translation type="vanished">Not restored. %s</translation>
    </message>
    <message>
        <source>Restored %s. Your data from before is kept in %s.</source>
        <translation type="vanished">Restored %s. Your data from before is kept in %s.</translation>
    </message>
    <message>
        <source>Delete all your history?

Deleted: check-ins, routine sessions, past reminders, water, therapy sessions, activities, morning entries, trend alerts and past safety check results.

Kept: your settings, health conditions, your own routines and reminders, and any safety lock still running.

A backup is made first, in %s, so this can be undone with Restore.</source>
        <translation type="vanished">Delete all your history?

Deleted: check-ins, routine sessions, past reminders, water, therapy sessions, activities, morning entries, trend alerts and past safety check results.

Kept: your settings, health conditions, your own routines and reminders, and any safety lock still running.

A backup is made first, in %s, so this can be undone with Restore.</translation>
    </message>
    <message>
        <source>Nothing was deleted: the backup first failed. %s</source>
        <translation type="vanished">Nothing was deleted: the backup first failed. %s</translation>
    </message>
    <message>
        <source>Nothing was deleted: %s.</source>
        <translation type="vanished">Nothing was deleted: %s.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Choose a backup</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups (*.db);;All files (*)</source>
        <translation>Backups (*.db);;All files (*)</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <location filename="../../companion/domain/history.py" line="+43"/>
        <source>Typical pattern after exercise: yours may differ</source>
        <translation>Typical pattern after exercise: yours may differ</translation>
    </message>
</context>
<context>
    <name>sections</name>
    <message>
        <location filename="../../companion/ui/sections.py" line="+19"/>
        <source>Recovery Companion offers general self-care guidance, not medical advice. If something feels wrong, stop and speak to a health professional.</source>
        <translation>Recovery Companion offers general self-care guidance, not medical advice. If something feels wrong, stop and speak to a health professional.</translation>
    </message>
    <message>
        <source>This part of Recovery Companion is still being built, so there is nothing to do here yet.</source>
        <translation type="vanished">This part of Recovery Companion is still being built, so there is nothing to do here yet.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your plan for today, built from where your legs are sore.</source>
        <translation>Your plan for today, built from where your legs are sore.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Routines</source>
        <translation>Routines</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guided stretching and foam rolling, step by step.</source>
        <translation>Guided stretching and foam rolling, step by step.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Water, ice, contrast and routine reminders from the tray.</source>
        <translation>Water, ice, contrast and routine reminders from the tray.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How each sore spot eases, day by day.</source>
        <translation>How each sore spot eases, day by day.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units, waking hours, water, sound, theme, safety and your data.</source>
        <translation>Units, waking hours, water, sound, theme, safety and your data.</translation>
    </message>
    <message>
        <source>Your data folder and preferences.</source>
        <translation type="vanished">Your data folder and preferences.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Guide</source>
        <translation>Guide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Short reading on why legs get sore, what helps and when to get care.</source>
        <translation>Short reading on why legs get sore, what helps and when to get care.</translation>
    </message>
</context>
</TS>
