// Run by deskpilot's build after this example's build (maven-invoker-plugin): the agent test ran,
// passed, and left a run folder with its report and GIF.
def reports = new File(basedir, 'target/surefire-reports')
def xml = reports.listFiles().find { it.name.startsWith('TEST-') && it.name.endsWith('SignUpAgentTest.xml') }
assert xml != null : "no surefire report for SignUpAgentTest in ${reports}"
def suite = new groovy.xml.XmlSlurper().parse(xml)
assert suite.@tests.toInteger() == 1 && suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0 && suite.@skipped.toInteger() == 0 : "SignUpAgentTest: tests=${suite.@tests} failures=${suite.@failures} errors=${suite.@errors} skipped=${suite.@skipped}"
def runs = new File(basedir, 'target/deskpilot-runs').listFiles().findAll { it.name.startsWith('sign-up-') }
assert runs.size() == 1 : "expected one sign-up run folder, found ${runs}"
assert new File(runs[0], 'report.html').isFile() : "no report.html in ${runs[0]}"
assert new File(runs[0], 'run.gif').isFile() : "no run.gif in ${runs[0]}"
def run = new groovy.json.JsonSlurper().parse(new File(runs[0], 'run.json'))
assert run.status == 'finished' && run.passed : "run.json: status ${run.status}, passed ${run.passed}"
assert run.display ==~ /:\d+/ : "ran on a private X display, not ${run.display}"
return true
