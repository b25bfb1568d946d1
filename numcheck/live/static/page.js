/* The live page: send the text to the server as the editor types, show the HTML it renders.
   The article view comes from the server's HTML report renderer; nothing here draws it. */
(function(){
  var text=document.getElementById('text'), kind=document.getElementById('kind');
  var out=document.getElementById('report'), status=document.getElementById('status');
  var DEBOUNCE=parseInt(document.body.getAttribute('data-debounce')||'150',10);
  var sent=0, shown=0, timer=null, pending=null;
  function plural(n,w){return n+' '+w+(n===1||w==='info'?'':'s');}
  function show(mine,code,body){
    if(mine<shown)return;  // an older answer arriving late never replaces a newer one
    shown=mine;
    if(code!==200){status.textContent=(body&&body.error)||('error '+code);status.className='failed';return;}
    var doc=new DOMParser().parseFromString(body.html,'text/html');
    out.replaceChildren.apply(out,Array.prototype.slice.call(doc.body.childNodes));
    var s=body.summary, by=s.by_severity||{};
    status.textContent=plural(s.findings,'finding')+' · '+plural(s.claims,'figure');
    status.className=by.error?'has-error':(by.warning?'has-warning':'');
    out.setAttribute('data-seq',String(mine));
    out.setAttribute('data-findings',String(s.findings));
  }
  function send(){
    var mine=++sent;
    if(pending)pending.abort();
    pending=new AbortController();
    fetch('v1/html',{method:'POST',headers:{'Content-Type':'application/json'},signal:pending.signal,
      body:JSON.stringify({text:text.value,path:'article.'+kind.value})})
      .then(function(r){return r.json().then(function(b){show(mine,r.status,b);});})
      .catch(function(e){if(e.name!=='AbortError'&&mine>=shown){status.textContent='server unreachable';
        status.className='failed';}});
  }
  function later(){clearTimeout(timer);timer=setTimeout(send,DEBOUNCE);}
  text.addEventListener('input',later);
  kind.addEventListener('change',send);
  if(text.value)send();
})();
